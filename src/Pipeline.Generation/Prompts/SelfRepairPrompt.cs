using Pipeline.Core.Scenarios;

namespace Pipeline.Generation.Prompts;

/// <summary>
/// The official self-repair prompts (lcb_runner/prompts/self_repair.py, <c>format_prompt_self_repair</c>) for a failing
/// sample: the question, the sample's code and the feedback on its verdict. Quirks kept: the format text is always
/// the stdin one (even for LeetCode problems), only OpenAIChat repeats the formatting request, the DeepSeek template
/// has no newline after the feedback.
/// </summary>
public static class SelfRepairPrompt
{
    public const string SystemMessage =
        "You are a helpful programming assistant and an expert Python programmer. You are helping a user write a program to solve a problem. The user has written some code, but it has some errors and is not passing the tests. You will help the user by first giving a concise (at most 2-3 sentences) textual explanation of what is wrong with the code. After you have pointed out what is wrong with the code, you will then generate a fixed version of the program. You must put the entired fixed program within code delimiters only for once.";

    private const string DeepSeekSystem =
        "You are an AI programming assistant, utilizing the DeepSeek Coder model, developed by DeepSeek Company, and you are helping a user correct a error program for code competition. The user has written some code, but it has some errors and is not passing the tests. You will help the user by first giving a concise (at most 2-3 sentences) textual explanation of what is wrong with the code. After you have pointed out what is wrong with the code, you will then generate a fixed version of the entire executable program. You must put the entire fixed executable program within code delimiters.";

    private const string FormattingRepeat =
        "First reason about the code providing a textual explanation of what is wrong with the code and then generate a fixed of the program enclosed code delimiters.";

    private const string FormatWithoutStarterCode =
        "Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows.";

    private const string FormatAndAnswerCue =
        $"### Format: {FormatWithoutStarterCode}\n```python\n# YOUR CODE HERE\n```\n\n### Answer: (use the provided format with backticks)\n\n";

    /// <summary>The styles the official builder reaches before it names an LMStyle member that does not exist.</summary>
    public static IReadOnlySet<PromptStyle> Styles { get; } = new HashSet<PromptStyle>
    {
        PromptStyle.OpenAIChat, PromptStyle.LLaMa3, PromptStyle.Claude3, PromptStyle.DeepSeekCodeInstruct,
    };

    /// <param name="feedback">the official feedback text on the sample's verdict (<c>RepairFeedback.For</c>)</param>
    public static ModelPrompt Build(PromptStyle style, string questionContent, string code, string feedback) => style switch
    {
        PromptStyle.OpenAIChat => ModelPrompt.Chat(style, new ChatMessage("system", SystemMessage),
            new ChatMessage("user", Generic(questionContent, code, feedback) + "\n\n" + FormattingRepeat)),
        PromptStyle.LLaMa3 => ModelPrompt.Chat(style, new ChatMessage("system", SystemMessage),
            new ChatMessage("user", Generic(questionContent, code, feedback))),
        PromptStyle.Claude3 => ModelPrompt.Chat(style, new ChatMessage("system", SystemMessage),
            new ChatMessage("user", PythonText.RStrip(Generic(questionContent, code, feedback)))),
        PromptStyle.DeepSeekCodeInstruct => ModelPrompt.Completion(style, $"{DeepSeekSystem}\n\n"
            + "### Instruction: You will be given a question (problem specification) and will generate a correct Python program that matches the specification and passes all tests. You will NOT return anything except for the program.\n\n"
            + $"Question:\n{questionContent}\n\n### Response:\n```python\n{code}\n```\n\n{feedback}{FormatAndAnswerCue}"),
        _ => throw new UnsupportedPromptStyleException(Scenario.SelfRepair, style),
    };

    private static string Generic(string question, string code, string feedback) =>
        $"### Question:\n{question}\n\n### Answer:\n```python\n{code}\n```\n\n{feedback}\n{FormatAndAnswerCue}";
}
