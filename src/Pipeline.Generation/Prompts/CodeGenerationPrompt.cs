namespace Pipeline.Generation.Prompts;

/// <summary>
/// The official LCB code-generation prompts (lcb_runner/prompts/code_generation.py): the generic chat
/// template used for OpenAI-style chat models and the few-shot template used for base models.
/// The texts must stay byte-identical to the official ones, or scores stop being comparable.
/// </summary>
public static class CodeGenerationPrompt
{
    public const string SystemMessage =
        "You are an expert Python programmer. You will be given a question (problem specification) and will generate a correct Python program that matches the specification and passes all tests.";

    public const string FormatWithStarterCode =
        "You will use the following starter code to write the solution to the problem and enclose your code within delimiters.";

    public const string FormatWithoutStarterCode =
        "Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows. Ensure that when the python program runs, it reads the inputs, runs the algorithm and writes output to STDOUT.";

    public static ModelPrompt Build(PromptStyle style, string questionContent, string starterCode) => style switch
    {
        PromptStyle.Chat => new ModelPrompt
        {
            Style = style,
            Messages = [new ChatMessage("system", SystemMessage), new ChatMessage("user", ChatQuestion(questionContent, starterCode))],
        },
        PromptStyle.Base => new ModelPrompt { Style = style, Text = BaseModelPrompt.Build(questionContent, starterCode) },
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "unknown prompt style"),
    };

    /// <summary>The user message: question, format instruction with the starter code or stdin placeholder, answer cue.</summary>
    public static string ChatQuestion(string questionContent, string starterCode)
    {
        var format = starterCode.Length > 0
            ? $"### Format: {FormatWithStarterCode}\n```python\n{starterCode}\n```\n\n"
            : $"### Format: {FormatWithoutStarterCode}\n```python\n# YOUR CODE HERE\n```\n\n";
        return $"### Question:\n{questionContent}\n\n{format}### Answer: (use the provided format with backticks)\n\n";
    }
}
