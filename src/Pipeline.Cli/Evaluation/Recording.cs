using System.Text.Json;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// What a bundled recording (an official eval_all file) says: the problems it answers and, for each, whether its first
/// sample passed the official full test suite (graded_list[0]).
/// </summary>
public sealed class Recording
{
    private readonly Dictionary<string, bool> _firstSamplePassed;

    private Recording(Dictionary<string, bool> firstSamplePassed) => _firstSamplePassed = firstSamplePassed;

    public IReadOnlyCollection<string> ProblemIds => _firstSamplePassed.Keys;

    public static Recording Read(string path) => new(File.ReadLines(path)
        .Where(line => line.Trim().Length > 0)
        .Select(line => JsonDocument.Parse(line).RootElement)
        .ToDictionary(
            row => row.GetProperty("question_id").GetString()!,
            row => row.GetProperty("graded_list").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.True }));

    /// <summary>The models with a recording in <paramref name="directory"/> (its generations/ folder).</summary>
    public static IReadOnlyList<string> Models(string directory) =>
        [.. System.IO.Directory.EnumerateFiles(Path.Combine(directory, "generations"), "*" + BundledData.RecordingSuffix)
            .Select(file => Path.GetFileName(file)[..^BundledData.RecordingSuffix.Length]).Order(StringComparer.Ordinal)];

    /// <summary>The official full-suite pass@1 of the first sample over <paramref name="problemIds"/>.</summary>
    public double OfficialPassAt1(IReadOnlyCollection<string> problemIds) =>
        problemIds.Count == 0 ? 0 : problemIds.Count(id => _firstSamplePassed.GetValueOrDefault(id)) / (double)problemIds.Count;

    /// <summary>The rows of <paramref name="problemsFile"/> this recording answers, in a new temporary file.</summary>
    public string AnsweredProblemsFile(string problemsFile)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lcb-demo-problems-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, File.ReadLines(problemsFile).Where(line => line.Trim().Length > 0
            && JsonDocument.Parse(line).RootElement.GetProperty("question_id").GetString() is { } id && _firstSamplePassed.ContainsKey(id)));
        return path;
    }
}
