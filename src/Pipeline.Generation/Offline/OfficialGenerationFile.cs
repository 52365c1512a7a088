using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Core;
using Pipeline.Core.Scenarios;

namespace Pipeline.Generation.Offline;

/// <summary>
/// The official runner's generation file, output/{model}/Scenario.{scenario}_{n}_{temperature}[_cot].json: one JSON
/// array of the rows `lcb generate` wrote, in the official order (sort_and_extract_save_results: by question_id; test
/// output prediction by question_id then test_id; code execution by the number in its id).
/// </summary>
public static class OfficialGenerationFile
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, IndentSize = 4, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>As the official get_output_path names it: the scenario enum's str(), n, the temperature as Python prints it.</summary>
    public static string FileName(Scenario scenario, bool cot, int n, double temperature) =>
        $"Scenario.{scenario.Name()}_{n}_{PythonFloat.Repr(temperature)}{(cot ? "_cot" : "")}.json";

    /// <summary>Writes the rows of <paramref name="jsonlPath"/> whose problem is in <paramref name="problems"/> into <paramref name="directory"/>.</summary>
    /// <returns>the file written and how many rows it holds</returns>
    public static (string Path, int Rows) Write(
        string jsonlPath, IReadOnlySet<string> problems, string directory, Scenario scenario, bool cot, int n, double temperature)
    {
        var rows = File.ReadLines(jsonlPath)
            .Where(line => line.Length > 0 && GenerationRow.QuestionId(line) is { } id && problems.Contains(id))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToList();
        var ordered = scenario switch
        {
            Scenario.TestOutputPrediction => rows.OrderBy(r => Text(r, "question_id"), StringComparer.Ordinal).ThenBy(r => (int?)r["test_id"]),
            Scenario.CodeExecution => rows.OrderBy(r => int.Parse(Text(r, "id").Split('_')[1], CultureInfo.InvariantCulture)),
            _ => rows.OrderBy(r => Text(r, "question_id"), StringComparer.Ordinal),
        };
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName(scenario, cot, n, temperature));
        File.WriteAllText(path, new JsonArray([.. ordered]).ToJsonString(Indented));
        return (path, rows.Count);
    }

    private static string Text(JsonObject row, string name) => row[name]?.GetValue<string>() ?? "";
}
