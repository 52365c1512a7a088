using System.Text.Json;
using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.Extraction;

namespace Pipeline.Generation.Prompts;

/// <summary>The official prompt of a problem in its run's scenario, and how the official runner takes the answer out of a reply.</summary>
public static class ScenarioPrompts
{
    public sealed record Asked(ModelPrompt Prompt, Func<string, string> Extract);

    /// <exception cref="UnsupportedPromptStyleException">the official runner has no prompt of this style for the scenario</exception>
    /// <exception cref="InvalidDataException">the problem lacks what the scenario's prompt needs</exception>
    /// <exception cref="NotSupportedException">a scenario this Generator does not serve</exception>
    public static Asked For(Scenario scenario, bool cot, PromptStyle style, Problem problem) => scenario switch
    {
        Scenario.CodeGeneration => new Asked(
            CodeGenerationPrompt.Build(style, problem.QuestionContent, problem.StarterCode), text => CodeExtractor.Extract(text, style)),
        Scenario.TestOutputPrediction => new Asked(
            TestOutputPredictionPrompt.Build(style, problem.QuestionContent, problem.StarterCode, FirstTestInput(problem)),
            OfficialExtraction.Of(scenario, cot)),
        Scenario.CodeExecution => new Asked(
            CodeExecutionPrompt.Build(style, RowText(problem, "code"), RowText(problem, "input"), cot), OfficialExtraction.Of(scenario, cot)),
        _ => throw new NotSupportedException($"the Generator has no prompt for {scenario.Name()}"),
    };

    /// <summary>test[0].input of a test_generation row: the only test the official prompt and check use.</summary>
    private static string FirstTestInput(Problem problem)
    {
        using var tests = JsonDocument.Parse(RowText(problem, "test"));
        return tests.RootElement[0].GetProperty("input").GetString()!;
    }

    private static string RowText(Problem problem, string field)
    {
        if (problem.Row is null)
        {
            throw new InvalidDataException($"problem '{problem.QuestionId}' is not a {problem.Scenario} row (it has no dataset row)");
        }
        using var row = JsonDocument.Parse(problem.Row);
        return row.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"problem '{problem.QuestionId}' has no '{field}' in its row");
    }
}
