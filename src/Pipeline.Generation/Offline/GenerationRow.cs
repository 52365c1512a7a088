using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Core;
using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;
using Pipeline.Generation;

namespace Pipeline.Generation.Offline;

/// <summary>
/// One line of `lcb generate` output in the official runner's layout: the problem fields, then
/// output_list (raw answers) and code_list (extracted code), sample i at position i.
/// </summary>
public static class GenerationRow
{
    /// <param name="originalCodes">self-repair: the code-generation run's code_list, kept as the official original_code_list</param>
    public static string Serialize(Problem problem, IReadOnlyList<GeneratedSample> samples, IReadOnlyList<string>? originalCodes = null)
    {
        var row = problem.Row is null ? CodeGeneration(problem, samples, originalCodes) : OfficialRow.Build(problem, lists =>
        {
            lists["output_list"] = Strings(samples.Select(s => s.RawOutput));
            lists["pred_list"] = Strings(samples.Select(s => s.Code));
        });
        if (samples.Any(s => s.Reasoning is not null))
        {
            // Not official: a reasoning model's separate reasoning_content, sample i at position i (code is never taken from it).
            row["reasoning_list"] = new JsonArray(samples.Select(s => (JsonNode?)JsonValue.Create(s.Reasoning)).ToArray());
        }
        if (samples.Any(s => s.Truncated))
        {
            // Not official: the samples the server stopped at the token limit (finish_reason "length").
            row["truncated"] = new JsonArray(samples.Where(s => s.Truncated).Select(s => (JsonNode?)JsonValue.Create(s.SampleIndex)).ToArray());
        }
        var issues = samples.Where(s => s.Issue is not null).ToList();
        if (issues.Count > 0)
        {
            // Not an official field: says which empty answers are failures rather than the model's output.
            row["generation_issues"] = new JsonObject(issues.Select(s =>
                KeyValuePair.Create(s.SampleIndex.ToString(CultureInfo.InvariantCulture), (JsonNode?)JsonValue.Create(s.Issue))));
        }
        return row.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonObject CodeGeneration(Problem problem, IReadOnlyList<GeneratedSample> samples, IReadOnlyList<string>? originalCodes)
    {
        var row = new JsonObject
        {
            ["question_title"] = problem.QuestionTitle,
            ["question_content"] = problem.QuestionContent,
            ["platform"] = problem.Platform,
            ["question_id"] = problem.QuestionId,
            ["contest_id"] = problem.ContestId,
            // Python's datetime.isoformat(), as the official files carry it.
            ["contest_date"] = problem.ContestDate.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            ["starter_code"] = problem.StarterCode,
            ["difficulty"] = problem.Difficulty,
            ["output_list"] = Strings(samples.Select(s => s.RawOutput)),
            ["code_list"] = Strings(samples.Select(s => s.Code)),
        };
        if (originalCodes is not null)
        {
            row["original_code_list"] = Strings(originalCodes);
        }
        return row;
    }

    /// <summary>The question id of a finished row, or null when the line is not a complete row.</summary>
    public static string? QuestionId(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var row = document.RootElement;
            if (row.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            if (row.TryGetProperty("pred_list", out _))
            {
                return OfficialRow.Key(row);
            }
            return row.TryGetProperty("question_id", out var id) && id.ValueKind == JsonValueKind.String && row.TryGetProperty("code_list", out _)
                ? JsonText.Of(id, "question_id")
                : null;
        }
        catch (Exception unfinished) when (unfinished is JsonException or InvalidDataException)
        {
            return null;
        }
    }
}
