using System.Text.Json;

namespace Pipeline.Cli.Evaluation;

/// <summary>One sample as the official runner graded it: per-test results with true/false written as 1/0, as in our messages.</summary>
public sealed record OfficialSample(string QuestionId, int SampleIndex, string Code, IReadOnlyList<int> Results, bool Passed, JsonElement Metadata)
{
    /// <summary>Every sample of an *.official_public_verdicts.jsonl file (question_id, code_list, graded_list, passed, metadata).</summary>
    public static IEnumerable<OfficialSample> ReadFile(string path)
    {
        foreach (var line in File.ReadLines(path).Where(line => line.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var row = document.RootElement;
            var questionId = row.GetProperty("question_id").GetString()!;
            var codes = row.GetProperty("code_list").EnumerateArray().ToArray();
            var graded = row.GetProperty("graded_list").EnumerateArray().ToArray();
            var metadata = row.GetProperty("metadata").EnumerateArray().ToArray();
            for (var i = 0; i < codes.Length; i++)
            {
                yield return new OfficialSample(questionId, i, codes[i].GetString()!, [.. graded[i].EnumerateArray().Select(ResultCode)],
                    row.GetProperty("passed")[i].GetBoolean(), metadata[i].Clone());
            }
        }
    }

    private static int ResultCode(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => value.GetInt32(),
    };
}
