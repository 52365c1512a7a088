using System.Text.Json;
using Pipeline.Runs.Export;
using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Reports;

/// <summary>
/// Writes what the official runner writes for code generation, so LCB tooling reads it unchanged:
/// <c>eval_all.json</c> (problem fields, output_list, code_list, graded_list, pass@1, metadata as JSON
/// strings, and a self-repair's original_code_list) and <c>eval.json</c> ([metrics with "detail", per-problem results, metadata]), problems
/// sorted by question_id and indexed in that order.
/// </summary>
public sealed class OfficialEvalWriter : IRunExportWriter
{
    /// <summary>The k the official codegen_metrics asks for; a k is kept only when every problem has n ≥ k.</summary>
    public static readonly int[] OfficialKs = [1, 5, 10, 20, 40, 50, 75, 100, 125, 150, 200, 500, 1000];

    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public Task WriteAsync(IReadOnlyList<ExportedProblem> problems, string folder, CancellationToken cancellationToken = default)
    {
        Write(problems, folder);
        return Task.CompletedTask;
    }

    /// <returns>the pass@k the official eval.json holds.</returns>
    public static IReadOnlyDictionary<string, double> Write(IReadOnlyList<ExportedProblem> graded, string folder)
    {
        if (graded.Count > 0 && graded[0].Problem.Row is not null)
        {
            return PredictionEvalWriter.Write(graded, folder);
        }
        var problems = graded.OrderBy(p => p.Problem.QuestionId, StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(folder);
        using (var stream = File.Create(Path.Combine(folder, "eval_all.json")))
        using (var json = new Utf8JsonWriter(stream, Indented))
        {
            json.WriteStartArray();
            problems.ForEach(problem => WriteEvalAllRow(json, problem));
            json.WriteEndArray();
        }
        var counts = problems.Select(p => (p.Samples.Count, p.Samples.Count(s => s.Passed))).ToList();
        var metrics = PassAtK.Average(counts, OfficialKs);
        using (var stream = File.Create(Path.Combine(folder, "eval.json")))
        using (var json = new Utf8JsonWriter(stream, Indented))
        {
            WriteEval(json, problems, counts, metrics);
        }
        return metrics;
    }

    private static void WriteEvalAllRow(Utf8JsonWriter json, ExportedProblem graded)
    {
        var p = graded.Problem;
        json.WriteStartObject();
        json.WriteString("question_title", p.QuestionTitle);
        json.WriteString("question_content", p.QuestionContent);
        json.WriteString("platform", p.Platform);
        json.WriteString("question_id", p.QuestionId);
        json.WriteString("contest_id", p.ContestId);
        json.WriteString("contest_date", p.ContestDate.ToString("yyyy-MM-dd'T'HH:mm:ss"));
        json.WriteString("starter_code", p.StarterCode);
        json.WriteString("difficulty", p.Difficulty);
        WriteStrings(json, "output_list", graded.OutputList);
        WriteStrings(json, "code_list", graded.CodeList);
        json.WriteStartArray("graded_list");
        foreach (var sample in graded.Samples)
        {
            json.WriteBooleanValue(sample.Passed);
        }
        json.WriteEndArray();
        WriteFloat(json, "pass@1", graded.Samples.Count == 0 ? 0 : graded.Samples.Count(s => s.Passed) / (double)graded.Samples.Count);
        WriteStrings(json, "metadata", graded.MetadataJson);
        if (graded.OriginalCodeList is { } originals)
        {
            WriteStrings(json, "original_code_list", originals);
        }
        json.WriteEndObject();
    }

    /// <summary>A score as Python's json writes a float: 1.0 and 0.0, not 1 and 0 (shortest round-trip digits otherwise, as repr).</summary>
    private static void WriteFloat(Utf8JsonWriter json, string name, double value)
    {
        var text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture).Replace('E', 'e');
        json.WritePropertyName(name);
        json.WriteRawValue(text.Contains('.') || text.Contains('e') ? text : text + ".0");
    }

    private static void WriteEval(Utf8JsonWriter json, List<ExportedProblem> problems, List<(int Samples, int Correct)> counts,
        IReadOnlyDictionary<string, double> metrics)
    {
        json.WriteStartArray();
        json.WriteStartObject();
        foreach (var (key, value) in metrics)
        {
            WriteFloat(json, key, value);
        }
        json.WriteStartObject("detail");
        foreach (var key in metrics.Keys)
        {
            var k = int.Parse(key["pass@".Length..]);
            json.WriteStartObject(key);
            for (var i = 0; i < counts.Count; i++)
            {
                WriteFloat(json, i.ToString(), PassAtK.Estimate(counts[i].Samples, counts[i].Correct, k));
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject();
        for (var i = 0; i < problems.Count; i++)
        {
            json.WriteStartArray(i.ToString());
            foreach (var sample in problems[i].Results)
            {
                WriteOfficialResults(json, sample);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartArray();
        problems.ForEach(p => WriteStrings(json, null, p.MetadataJson));
        json.WriteEndArray();
        json.WriteEndArray();
    }

    /// <summary>The official lists hold Python booleans for pass/fail and integers for the error codes.</summary>
    public static void WriteOfficialResults(Utf8JsonWriter json, IReadOnlyList<int> results)
    {
        json.WriteStartArray();
        foreach (var result in results)
        {
            if (result is 0 or 1)
            {
                json.WriteBooleanValue(result == 1);
            }
            else
            {
                json.WriteNumberValue(result);
            }
        }
        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string? name, IEnumerable<string> values)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
