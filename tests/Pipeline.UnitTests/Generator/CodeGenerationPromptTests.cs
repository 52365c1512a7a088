using Pipeline.Generation.Prompts;

namespace Pipeline.UnitTests.Generator;

public sealed class CodeGenerationPromptTests
{
    [Fact]
    public void Chat_prompt_without_starter_code_asks_for_a_stdin_program()
    {
        var prompt = CodeGenerationPrompt.Build(PromptStyle.OpenAIChat, "Add two numbers.", "");
        Assert.Equal(2, prompt.Messages.Count);
        Assert.Equal(new ChatMessage("system", CodeGenerationPrompt.SystemMessage), prompt.Messages[0]);
        Assert.Equal(
            "### Question:\nAdd two numbers.\n\n"
            + "### Format: Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows. Ensure that when the python program runs, it reads the inputs, runs the algorithm and writes output to STDOUT.\n"
            + "```python\n# YOUR CODE HERE\n```\n\n"
            + "### Answer: (use the provided format with backticks)\n\n",
            prompt.Messages[1].Content);
    }

    [Fact]
    public void Chat_prompt_with_starter_code_embeds_it()
    {
        var prompt = CodeGenerationPrompt.Build(PromptStyle.OpenAIChat, "Q", "class Solution:\n    def f(self) -> int:\n        ");
        Assert.Equal(
            "### Question:\nQ\n\n"
            + "### Format: You will use the following starter code to write the solution to the problem and enclose your code within delimiters.\n"
            + "```python\nclass Solution:\n    def f(self) -> int:\n        \n```\n\n"
            + "### Answer: (use the provided format with backticks)\n\n",
            prompt.Messages[1].Content);
    }

    [Fact]
    public void Base_prompt_is_one_solved_example_then_the_question()
    {
        var stdin = CodeGenerationPrompt.Build(PromptStyle.GenericBase, "Print hello.", "");
        Assert.Empty(stdin.Messages);
        Assert.StartsWith("### Question\nYou have $n$ gifts", stdin.Text);
        Assert.Contains("\nmain()\n\n\n### Question\nPrint hello.\n\n### Answer\n\n", stdin.Text);
        Assert.EndsWith("### Question\nPrint hello.\n\n### Answer\n\n", stdin.Text);
        Assert.DoesNotContain("### Starter Code", stdin.Text);

        var call = CodeGenerationPrompt.Build(PromptStyle.GenericBase, "Q", "class Solution:\n    def g(self):\n        ");
        Assert.StartsWith("### Question\nYou are given a 0-indexed array of positive integers nums.", call.Text);
        Assert.Contains("### Starter Code\nclass Solution:\n    def unequalTriplets(self, nums: List[int]) -> int:\n        \n\n### Answer\n\n", call.Text);
        Assert.EndsWith("### Question\nQ\n\n### Starter Code\nclass Solution:\n    def g(self):\n        \n\n### Answer\n\n", call.Text);
    }

    [Fact]
    public void Prompt_hash_changes_with_the_text_and_style()
    {
        var a = CodeGenerationPrompt.Build(PromptStyle.OpenAIChat, "Q", "");
        Assert.Equal(a.Hash, CodeGenerationPrompt.Build(PromptStyle.OpenAIChat, "Q", "").Hash);
        Assert.NotEqual(a.Hash, CodeGenerationPrompt.Build(PromptStyle.OpenAIChat, "Q2", "").Hash);
        Assert.NotEqual(a.Hash, CodeGenerationPrompt.Build(PromptStyle.GenericBase, "Q", "").Hash);
    }

    [Fact]
    public void Unknown_prompt_style_is_refused_clearly()
    {
        var error = Assert.Throws<ArgumentException>(() => PromptStyles.Parse("instruct"));
        Assert.Contains("'instruct'", error.Message);
        Assert.Equal(PromptStyle.GenericBase, PromptStyles.Parse(" Base "));
    }
}
