using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.Prompts;
using Pipeline.Dataset;
using Pipeline.Replay.Recordings;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// Synthetic answers for the prediction scenarios, made from the rows themselves (their expected outputs), in the form the
/// official extraction expects: a fenced assertion (test output prediction) or an [ANSWER] block (code execution).
/// The wrong answer asserts None (0 when None is right); the malformed one has no assertion at all.
/// </summary>
public static class SyntheticAnswers
{
    public static string ModelName(Scenario scenario) => $"synthetic-{scenario.Name()}";

    /// <exception cref="DatasetException">the rows file cannot be read</exception>
    public static IReadOnlyList<SyntheticItem> Items(Scenario scenario, string rowsFile)
    {
        var entries = DatasetReader.Read(rowsFile, new DatasetSelection { Release = "release_latest" }, new DatasetReport(), scenario);
        return [.. entries.Select(entry => scenario == Scenario.TestOutputPrediction
            ? TestOutput(entry.Problem.QuestionId, entry.Problem.QuestionContent, entry.Problem.StarterCode, entry.Suite.Tests[0].Input, entry.Suite.Tests[0].Output)
            : Execution(entry.Problem.QuestionId, entry.Suite.Program!, entry.Suite.Tests[0].Input, entry.Suite.Tests[0].Output))];
    }

    private static SyntheticItem TestOutput(string key, string content, string starterCode, string input, string output)
    {
        var call = $"{TestOutputPredictionPrompt.FunctionName(starterCode)}({string.Join(", ", input.Split('\n'))})";
        var expected = PythonLiteral(output);
        return new SyntheticItem(key, TestOutputPredictionPrompt.UserMessage(content, starterCode, input),
            $"```python\nassert {call} == {expected}\n```", $"```python\nassert {call} == {(expected == "None" ? "0" : "None")}\n```");
    }

    private static SyntheticItem Execution(string key, string code, string input, string output) =>
        new(key, $"{code}\nassert {input} == ??", $"[ANSWER]\nassert {input} == {output}\n[/ANSWER]",
            $"[ANSWER]\nassert {input} == {(output == "None" ? "0" : "None")}\n[/ANSWER]");

    /// <summary>A JSON value as a Python literal that evaluates equal to its json.loads (JSON string escapes are Python's too).</summary>
    public static string PythonLiteral(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Literal(document.RootElement);
    }

    private static string Literal(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => "None",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => JsonSerializer.Serialize(value.GetString()),
        JsonValueKind.Array => $"[{string.Join(", ", value.EnumerateArray().Select(Literal))}]",
        _ => $"{{{string.Join(", ", value.EnumerateObject().Select(p => $"{JsonSerializer.Serialize(p.Name)}: {Literal(p.Value)}"))}}}",
    };
}
