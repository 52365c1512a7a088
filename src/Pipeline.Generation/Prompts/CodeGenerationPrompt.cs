namespace Pipeline.Generation.Prompts;

/// <summary>
/// The official code-generation prompts (lcb_runner/prompts/code_generation.py, <c>format_prompt_generation</c>), one
/// per prompt style. The texts must stay byte-identical to the official ones, or scores stop being comparable; the
/// prompt parity test checks every style against the official builders.
/// </summary>
public static class CodeGenerationPrompt
{
    public const string SystemMessage =
        "You are an expert Python programmer. You will be given a question (problem specification) and will generate a correct Python program that matches the specification and passes all tests.";

    public const string FormatWithStarterCode =
        "You will use the following starter code to write the solution to the problem and enclose your code within delimiters.";

    public const string FormatWithoutStarterCode =
        "Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows. Ensure that when the python program runs, it reads the inputs, runs the algorithm and writes output to STDOUT.";

    /// <summary>The official builder serves every style Pipeline knows for this scenario.</summary>
    public static IReadOnlySet<PromptStyle> Styles { get; } = PromptStyles.All.ToHashSet();

    public static ModelPrompt Build(PromptStyle style, string questionContent, string starterCode) => style switch
    {
        PromptStyle.OpenAIChat or PromptStyle.LLaMa3 => ModelPrompt.Chat(style,
            new ChatMessage("system", SystemMessage), new ChatMessage("user", ChatQuestion(questionContent, starterCode))),
        PromptStyle.Claude3 => ModelPrompt.Chat(style,
            new ChatMessage("system", SystemMessage), new ChatMessage("user", PythonText.RStrip(ChatQuestion(questionContent, starterCode)))),
        PromptStyle.OpenAIReason => ModelPrompt.Chat(style,
            new ChatMessage("user", SystemMessage + "\n\n" + CodeGenerationTemplates.ReasoningQuestion(questionContent, starterCode))),
        PromptStyle.GenericBase => ModelPrompt.Completion(style, BaseModelPrompt.Build(questionContent, starterCode)),
        _ => ModelPrompt.Completion(style, CodeGenerationTemplates.Completion(style, questionContent, starterCode)),
    };

    /// <summary>The user message: question, format instruction with the starter code or stdin placeholder, answer cue.</summary>
    public static string ChatQuestion(string questionContent, string starterCode) =>
        $"### Question:\n{questionContent}\n\n{Format("### Format: ", starterCode, FormatWithoutStarterCode)}### Answer: (use the provided format with backticks)\n\n";

    /// <summary>The format instruction shared by the templates: the starter code, or the given stdin instruction and a placeholder.</summary>
    internal static string Format(string heading, string starterCode, string withoutStarterCode) => starterCode.Length > 0
        ? $"{heading}{FormatWithStarterCode}\n```python\n{starterCode}\n```\n\n"
        : $"{heading}{withoutStarterCode}\n```python\n# YOUR CODE HERE\n```\n\n";
}
