namespace Pipeline.Generation.Prompts;

/// <summary>
/// The official code-generation templates of the styles that are not the generic chat one: the OpenAI reasoning
/// models' format text, and the completion prompts that carry a model family's chat tokens in the text itself.
/// </summary>
internal static class CodeGenerationTemplates
{
    private const string Assignment =
        "You will be given a question (problem specification) and will generate a correct Python program that matches the specification and passes all tests.";

    private const string OnlyTheProgram = " You will NOT return anything except for the program.";

    private const string DeepSeekSystem =
        "You are an AI programming assistant, utilizing the DeepSeek Coder model, developed by DeepSeek Company, and you answer questions related to computer science.";

    private const string CodeQwenSystem = "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user";

    private const string QwQSystem =
        "<|im_start|>system\nYou are a helpful and harmless assistant. You are Qwen developed by Alibaba. You should think step-by-step.<|im_end|>\n<|im_start|>user";

    private const string DeepSeekR1System =
        "<｜begin▁of▁sentence｜>A conversation between User and Assistant. "
        + "The user asks a question, and the Assistant solves it. "
        + "The assistant first thinks about the reasoning process in the mind and then provides the user with the answer. "
        + "The reasoning process and answer are enclosed within <think> </think> and <answer> </answer> tags, respectively, i.e., <think> reasoning process here </think> <answer> answer here </answer>.<｜User｜>";

    private const string ReasoningFormat =
        "Implement a function called `main()` which orchastrates the solution by reading inputs from stdin and writing the answer to stdout. Feel free to use additional functions as necessary. Next do NOT forget to call `main` function at the end of the program otherwise you will not be awarded any points.";

    /// <summary>OpenAIReason: the generic question with the official `main()` instruction (and its typo) for stdin problems.</summary>
    public static string ReasoningQuestion(string question, string starterCode) =>
        $"### Question:\n{question}\n\n{CodeGenerationPrompt.Format("### Format: ", starterCode, ReasoningFormat)}### Answer: (use the provided format with backticks)\n\n";

    public static string Completion(PromptStyle style, string question, string starterCode) => style switch
    {
        PromptStyle.DeepSeekCodeInstruct => $"{DeepSeekSystem}\n\n"
            + $"### Instruction: {Assignment}{OnlyTheProgram}\n\nQuestion:\n{question}\n\n"
            + CodeGenerationPrompt.Format("### Instruction: ", starterCode, CodeGenerationPrompt.FormatWithoutStarterCode)
            + "### Response:\n\n",
        PromptStyle.CodeQwenInstruct => $"{CodeQwenSystem}\n\n{Assignment}{OnlyTheProgram}\n\n{QwenBody(question, starterCode)}",
        PromptStyle.QwQ => $"{QwQSystem}\n\n{Assignment}\n\n{QwenBody(question, starterCode)}",
        PromptStyle.DeepSeekR1 => $"{DeepSeekR1System}{Assignment}\n\nQuestion: {question}\n\n"
            + CodeGenerationPrompt.Format("", starterCode, CodeGenerationPrompt.FormatWithoutStarterCode)
            + "<｜Assistant｜>",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "not a completion style of code generation"),
    };

    /// <summary>CodeQwen and QwQ close the user turn themselves after the format block and open the assistant's.</summary>
    private static string QwenBody(string question, string starterCode) =>
        $"Question: {question}\n\n"
        + CodeGenerationPrompt.Format("", starterCode, CodeGenerationPrompt.FormatWithoutStarterCode)
        + "<|im_end|>\n<|im_start|>assistant\n";
}
