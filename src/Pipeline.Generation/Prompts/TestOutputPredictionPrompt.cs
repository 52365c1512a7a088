using Pipeline.Core.Scenarios;
using System.Text.RegularExpressions;

namespace Pipeline.Generation.Prompts;

/// <summary>
/// The official test output prediction prompt (lcb_runner/prompts/test_output_prediction.py), byte for byte:
/// its quirks kept (no newline between the question and "Function:"; the function name parsed from the starter
/// code; the test input's lines joined with ", "). The official runner has no GenericBase prompt for this scenario.
/// </summary>
public static partial class TestOutputPredictionPrompt
{
    public const string SystemMessage =
        "You are a helpful programming assistant and an expert Python programmer. You are helping a user to write a test case to help to check the correctness of the function. The user has written a input for the testcase. You will calculate the output of the testcase and write the whole assertion statement in the markdown code block with the correct output.";

    /// <summary>The styles the official runner has a prompt of that Pipeline builds: OpenAIChat only.</summary>
    public static IReadOnlySet<PromptStyle> Styles { get; } = new HashSet<PromptStyle> { PromptStyle.OpenAIChat };

    /// <exception cref="UnsupportedPromptStyleException">the official runner has no prompt of this style for the scenario</exception>
    /// <exception cref="InvalidDataException">the starter code does not hold exactly one function definition</exception>
    public static ModelPrompt Build(PromptStyle style, string questionContent, string starterCode, string testInput) => style switch
    {
        PromptStyle.OpenAIChat => new ModelPrompt
        {
            Style = style,
            Messages = [new ChatMessage("system", SystemMessage), new ChatMessage("user", UserMessage(questionContent, starterCode, testInput))],
        },
        _ => throw new UnsupportedPromptStyleException(Scenario.TestOutputPrediction, style),
    };

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
