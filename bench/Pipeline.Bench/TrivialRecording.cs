using System.Text.Json;

namespace Pipeline.Bench;

/// <summary>
/// A recording in the official _eval_all layout that answers every bundled problem with the same trivial
/// program, so a run measures the pipeline's own cost per sample rather than the solutions' run time
/// (or, given another program, a known run time per sample).
/// </summary>
internal static class TrivialRecording
{
    public const string Program = "print(0)";

    public static void Write(string problemsFile, string recordingFile, string program = Program)
    {
        using var output = new StreamWriter(recordingFile);
        foreach (var line in File.ReadLines(problemsFile).Where(line => line.Length > 0))
        {
            using var row = JsonDocument.Parse(line);
            string Field(string name) => row.RootElement.GetProperty(name).GetString() ?? "";
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["question_id"] = Field("question_id"),
                ["question_title"] = Field("question_title"),
                ["question_content"] = Field("question_content"),
                ["output_list"] = new[] { $"```python\n{program}\n```" },
            }));
        }
    }
}
