using System.Text.Json;
using Pipeline.Core;

namespace Pipeline.Generation.SelfRepair;

/// <summary>
/// Reads an official <c>Scenario.codegeneration_*_eval_all.json</c> (one JSON array, as the runner writes it) or the
/// same rows as JSON lines: question_id, question_content, output_list, code_list, graded_list, metadata per problem.
/// </summary>
public static class EvalAllFile
{
    /// <exception cref="InvalidDataException">the file is not a code-generation eval_all; the message names the row and field</exception>
    public static CodegenRun Read(string path)
    {
        var text = File.ReadAllText(path);
        var rows = text.TrimStart().StartsWith('[')
            ? Parse(text, path).EnumerateArray().Select((row, index) => (row, $"{path} entry {index + 1}"))
            : text.Split('\n').Select((line, index) => (line, index)).Where(x => x.line.Trim().Length > 0)
                .Select(x => (Parse(x.line, $"{path}:{x.index + 1}"), $"{path}:{x.index + 1}"));
        return new CodegenRun { Source = path, Problems = rows.Select(x => Problem(x.Item1, x.Item2)).ToList() };
    }

    private static JsonElement Parse(string json, string where)
    {
        try
        {
            return JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{where} is not JSON: {error.Message}");
        }
    }

    private static CodegenProblem Problem(JsonElement row, string where)
    {
        var outputs = Strings(row, "output_list", where);
        var codes = Strings(row, "code_list", where);
        var metadata = Strings(row, "metadata", where);
        var graded = Field(row, "graded_list", JsonValueKind.Array, where).EnumerateArray().Select(Truthy).ToList();
        if (outputs.Count != codes.Count || codes.Count != graded.Count || graded.Count != metadata.Count)
        {
            throw new InvalidDataException($"{where}: output_list, code_list, graded_list and metadata differ in length");
        }
        return new CodegenProblem
        {
            QuestionId = JsonText.Of(Field(row, "question_id", JsonValueKind.String, where), $"{where}: question_id"),
            QuestionContent = JsonText.Of(Field(row, "question_content", JsonValueKind.String, where), $"{where}: question_content"),
            Samples = Enumerable.Range(0, codes.Count).Select(i => new CodegenSample
            {
                Output = outputs[i], Code = codes[i], Passed = graded[i], MetadataJson = metadata[i],
            }).ToList(),
        };
    }

    /// <summary>The official runner tests a verdict with Python truthiness (<c>if result:</c>).</summary>
    private static bool Truthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => value.GetDouble() != 0,
        _ => false,
    };

    private static List<string> Strings(JsonElement row, string name, string where) =>
        Field(row, name, JsonValueKind.Array, where).EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.String ? JsonText.Of(item, $"{where}: {name}") : throw new InvalidDataException($"{where}: {name} holds a non-string"))
            .ToList();

    private static JsonElement Field(JsonElement row, string name, JsonValueKind kind, string where) =>
        row.ValueKind == JsonValueKind.Object && row.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new InvalidDataException($"{where}: no {name} ({kind.ToString().ToLowerInvariant()}); is this a code-generation eval_all file?");
}
