using Pipeline.Core.Scenarios;
using System.Text.RegularExpressions;

namespace Pipeline.Generation.Prompts;

/// <summary>
/// The official test output prediction prompt (lcb_runner/prompts/test_output_prediction.py), byte for byte:
/// its quirks kept (no newline between the question and "Function:"; the function name parsed from the starter
/// code; the test input's lines joined with ", "). OpenAIChat and LLaMa3 send (system, user) messages, Claude3 the
/// same with the user text right-stripped, DeepSeekCodeInstruct one "### Instruction: … ### Response:" text. Every
/// other style crashes the official builder (it names LMStyle.MagiCoder, which no longer exists) and is refused.
/// </summary>
public static partial class TestOutputPredictionPrompt
{
    public const string SystemMessage =
        "You are a helpful programming assistant and an expert Python programmer. You are helping a user to write a test case to help to check the correctness of the function. The user has written a input for the testcase. You will calculate the output of the testcase and write the whole assertion statement in the markdown code block with the correct output.";

    /// <summary>The styles the official builder reaches before it names an LMStyle member that does not exist.</summary>
    public static IReadOnlySet<PromptStyle> Styles { get; } = new HashSet<PromptStyle>
    {
        PromptStyle.OpenAIChat, PromptStyle.LLaMa3, PromptStyle.Claude3, PromptStyle.DeepSeekCodeInstruct,
    };

    /// <exception cref="UnsupportedPromptStyleException">the official runner has no prompt of this style for the scenario</exception>
    /// <exception cref="InvalidDataException">the starter code does not hold exactly one function definition</exception>
    public static ModelPrompt Build(PromptStyle style, string questionContent, string starterCode, string testInput)
    {
        if (!Styles.Contains(style))
        {
            throw new UnsupportedPromptStyleException(Scenario.TestOutputPrediction, style);
        }
        var question = UserMessage(questionContent, starterCode, testInput);
        return style switch
        {
            PromptStyle.DeepSeekCodeInstruct => ModelPrompt.Completion(style, $"### Instruction: {SystemMessage}\n\n{question}### Response:\n\n"),
            PromptStyle.Claude3 => ModelPrompt.Chat(style, new ChatMessage("system", SystemMessage), new ChatMessage("user", PythonText.RStrip(question))),
            _ => ModelPrompt.Chat(style, new ChatMessage("system", SystemMessage), new ChatMessage("user", question)),
        };
    }

    /// <summary>The official get_generic_question_template_test_completion.</summary>
    public static string UserMessage(string questionContent, string starterCode, string testInput) =>
        $"Problem:\n{questionContent}Function:\n```\n{starterCode}\n```\nPlease complete the following test case:\n\n" +
        $"```\nassert {FunctionName(starterCode)}({string.Join(", ", testInput.Split('\n'))}) == # TODO\n```\n";

    /// <summary>The official parse_function_name_from_starter_code: the one function the starter code defines.</summary>
    public static string FunctionName(string starterCode)
    {
        var names = Definition().Matches(starterCode).Select(match => match.Groups[1].Value).ToList();
        return names.Count == 1
            ? names[0]
            : throw new InvalidDataException($"the starter code defines {names.Count} functions; the official prompt needs exactly one");
    }

    [GeneratedRegex(@"^[ \t]*def[ \t]+([^\W\d]\w*)[ \t]*\(", RegexOptions.Multiline)]
    private static partial Regex Definition();
}
