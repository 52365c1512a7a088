using System.Text.Json;
using Pipeline.Core;
using Pipeline.Core.Scenarios;

namespace Pipeline.Cli.Commands.Grade;

/// <summary>
/// A problem's samples: the code to grade and, when the file has them, the raw model outputs and (self-repair) the
/// code-generation run's code the samples repaired, which the official eval_all keeps as original_code_list.
/// </summary>
public sealed record ProblemGenerations(
    string QuestionId, IReadOnlyList<string> CodeList, IReadOnlyList<string> OutputList, IReadOnlyList<string>? OriginalCodeList = null);

/// <summary>
/// Reads generations in the official <c>_eval_all.json</c> layout (a JSON array), its .jsonl form, or
/// plain <c>{question_id, code_list}</c> rows; the prediction scenarios' rows hold <c>pred_list</c> and are keyed
/// as their problems ("question_id/test_id", or the execution id). Other fields are ignored.
/// </summary>
public static class GenerationsFile
{
    /// <param name="extract">when given, the answers are taken out of each row's output_list with it (the official step after generation) instead of read from code_list/pred_list</param>
    public static IReadOnlyList<ProblemGenerations> Read(string path, Func<string, string>? extract = null)
    {
        var text = File.ReadAllText(path);
        var rows = text.AsSpan().TrimStart().StartsWith("[")
            ? Parse(text, path, lineOffset: 0).EnumerateArray().Select((row, index) => (row, index)).ToList()
            : [.. text.Split('\n').Select((line, index) => (line, index)).Where(l => l.line.Trim().Length > 0)
                .Select(l => (Parse(l.line, path, lineOffset: l.index), l.index))];
        var seen = new HashSet<string>();
        return [.. rows.Select(row => ToGenerations(row.Item1, path, row.Item2 + 1, extract))
            .Select(g => seen.Add(g.QuestionId) ? g : throw new InvalidDataException($"{path}: question {g.QuestionId} appears twice"))];
    }

    /// <summary>JSON text, or an error naming the file and line where it stops being JSON.</summary>
    private static JsonElement Parse(string json, string path, int lineOffset)
    {
        try
        {
            return JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}:{lineOffset + (error.LineNumber ?? 0) + 1}: not JSON ({error.Message.Split(" Path:")[0]})");
        }
    }

    private static ProblemGenerations ToGenerations(JsonElement row, string path, int number, Func<string, string>? extract)
    {
        var prediction = row.TryGetProperty("pred_list", out _);
        var listName = prediction ? "pred_list" : "code_list";
        var key = prediction ? OfficialRow.Key(row) : row.TryGetProperty("question_id", out var id) ? (id.ValueKind == JsonValueKind.String ? JsonText.Of(id, $"{path}: row {number}: question_id") : id.GetRawText()) : null;
        var outputList = Strings(row, "output_list", path, number);
        var answers = extract is null ? Strings(row, listName, path, number) : outputList?.Select(extract).ToList();
        if (key is null || answers is null)
        {
            var needs = extract is null ? listName : "output_list";
            throw new InvalidDataException($"{path}: row {number} needs {(prediction ? "id, or question_id and test_id," : "question_id")} and a {needs} array");
        }
        return new ProblemGenerations(key, answers, outputList ?? answers, Strings(row, "original_code_list", path, number));
    }

    private static List<string>? Strings(JsonElement row, string name, string path, int number) =>
        row.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select((item, i) => Answer(item, $"{path}: row {number}: {name}[{i}]"))]
            : null;

    /// <summary>A null answer is an empty one (a sample the model gave nothing for).</summary>
    private static string Answer(JsonElement item, string what) => item.ValueKind switch
    {
        JsonValueKind.String => JsonText.Of(item, what),
        JsonValueKind.Null => "",
        _ => throw new InvalidDataException($"{what} is JSON {item.ValueKind}, not a string"),
    };
}
