using System.Text.Json;

namespace Pipeline.Replay.Recordings;

/// <summary>
/// Reads the official runner's _eval_all output: a JSON array (as the runner writes it) or JSON lines.
/// Only question_id, question_title, question_content and output_list are needed.
/// </summary>
public static class RecordingFile
{
    public static IReadOnlyList<RecordedProblem> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"recording file '{path}' does not exist", path);
        }
        var text = File.ReadAllText(path);
        var rows = text.TrimStart().StartsWith('[')
            ? ParseArray(text, path)
            : text.Split('\n').Select((line, number) => (line, number)).Where(row => row.line.Trim().Length > 0)
                .Select(row => ParseRow(row.line, $"{path}:{row.number + 1}")).ToList();
        return rows.Count > 0 ? rows : throw new InvalidDataException($"recording file '{path}' holds no problems");
    }

    /// <summary>The model name a file stands for when none is given: its name without the runner's suffixes.</summary>
    public static string ModelName(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in new[] { ".jsonl", ".json", "_eval_all", ".eval_all", ".codegeneration", "_codegeneration" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }
        return name;
    }

    private static List<RecordedProblem> ParseArray(string text, string path)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.EnumerateArray().Select((row, index) => Parse(row, $"{path}[{index}]")).ToList();
    }

    private static RecordedProblem ParseRow(string line, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return Parse(document.RootElement, where);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{where}: not a JSON object ({error.Message})", error);
        }
    }

    private static RecordedProblem Parse(JsonElement row, string where)
    {
        string Text(string name) => row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"{where}: missing string field '{name}'");
        if (!row.TryGetProperty("output_list", out var outputs) || outputs.ValueKind != JsonValueKind.Array || outputs.GetArrayLength() == 0)
        {
            throw new InvalidDataException($"{where}: missing or empty 'output_list'");
        }
        return new RecordedProblem(Text("question_id"), Text("question_title"), Text("question_content"),
            outputs.EnumerateArray().Select(output => output.GetString() ?? "").ToList());
    }
}
