using System.Text.Json;
using Pipeline.Runs.Export;
using Pipeline.Runs.Reports;

namespace Pipeline.Cli.Commands.Grade;

/// <summary>The official eval_all.json and eval.json, plus verdicts.jsonl: one line per sample.</summary>
public static class GradeReports
{
    public static IReadOnlyDictionary<string, double> Write(IReadOnlyList<ExportedProblem> graded, string folder)
    {
        var metrics = OfficialEvalWriter.Write(graded, folder);
        using var stream = File.Create(Path.Combine(folder, "verdicts.jsonl"));
        foreach (var problem in graded.OrderBy(p => p.Problem.QuestionId, StringComparer.Ordinal))
        {
            foreach (var sample in problem.Samples)
            {
                using (var json = new Utf8JsonWriter(stream))
                {
                    json.WriteStartObject();
                    json.WriteString("question_id", problem.Problem.QuestionId);
                    json.WriteNumber("sample_index", sample.SampleIndex);
                    json.WritePropertyName("graded");
                    OfficialEvalWriter.WriteOfficialResults(json, sample.Results);
                    json.WriteBoolean("passed", sample.Passed);
                    json.WritePropertyName("metadata");
                    json.WriteRawValue(sample.MetadataJson);
                    json.WriteEndObject();
                }
                stream.WriteByte((byte)'\n');
            }
        }
        return metrics;
    }
}
