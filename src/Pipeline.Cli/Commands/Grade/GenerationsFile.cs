using System.Text.Json;

namespace Pipeline.Cli.Commands.Grade;

/// <summary>A problem's samples: the code to grade and, when the file has them, the raw model outputs.</summary>
public sealed record ProblemGenerations(string QuestionId, IReadOnlyList<string> CodeList, IReadOnlyList<string> OutputList);

/// <summary>
/// Reads generations in the official <c>_eval_all.json</c> layout (a JSON array), its .jsonl form, or
/// plain <c>{question_id, code_list}</c> rows. Other fields are ignored.
/// </summary>
public static class GenerationsFile
{
    public static IReadOnlyList<ProblemGenerations> Read(string path)
    {
        var text = File.ReadAllText(path);
        var rows = text.AsSpan().TrimStart().StartsWith("[")
            ? JsonDocument.Parse(text).RootElement.EnumerateArray().Select((row, index) => (row, index)).ToList()
            : [.. text.Split('\n').Select((line, index) => (line, index)).Where(l => l.line.Trim().Length > 0)
                .Select(l => (JsonDocument.Parse(l.line).RootElement, l.index))];
        var seen = new HashSet<string>();
        return [.. rows.Select(row => ToGenerations(row.Item1, path, row.Item2 + 1))
            .Select(g => seen.Add(g.QuestionId) ? g : throw new InvalidDataException($"{path}: question {g.QuestionId} appears twice"))];
    }

    private static ProblemGenerations ToGenerations(JsonElement row, string path, int number)
    {
        if (!row.TryGetProperty("question_id", out var id) || !row.TryGetProperty("code_list", out var codes) || codes.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: row {number} needs question_id and a code_list array");
        }
        var codeList = codes.EnumerateArray().Select(c => c.GetString() ?? "").ToList();
        var outputList = row.TryGetProperty("output_list", out var outputs) && outputs.ValueKind == JsonValueKind.Array
            ? outputs.EnumerateArray().Select(o => o.GetString() ?? "").ToList()
            : codeList;
        return new ProblemGenerations(id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText(), codeList, outputList);
    }
}
