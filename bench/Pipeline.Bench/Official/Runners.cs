using System.Text.Json;

namespace Pipeline.Bench.Official;

/// <summary>One timed run of a runner on a set: its measurements and each sample's per-test results, keyed "question_id#index".</summary>
internal sealed record RunnerResult(ProcessRun Run, IReadOnlyDictionary<string, string> Verdicts);

/// <summary>The two runners compared, each started as its own process the way a user starts it.</summary>
internal static class Runners
{
    /// <summary>The official runner from its checkout (never copied here), through official_codegen.py.</summary>
    public static async Task<RunnerResult> OfficialAsync(string checkout, BenchSet set, int workers, double timeout, string scratch,
        bool samplePeakMemory = false)
    {
        var output = Path.Combine(scratch, "official.json");
        var driver = Path.Combine(AppContext.BaseDirectory, "official_codegen.py");
        var run = await MeasuredProcess.RunAsync("/usr/bin/python3",
            [driver, checkout, set.ProblemsFile, set.GenerationsFile, $"{workers}", $"{(int)timeout}", output], scratch, samplePeakMemory);
        Require(run, "official runner");
        using var document = JsonDocument.Parse(File.ReadAllBytes(output));
        var verdicts = new Dictionary<string, string>();
        var index = new Dictionary<string, int>();
        foreach (var row in document.RootElement.EnumerateArray())
        {
            var question = row.GetProperty("question_id").GetString()!;
            var sample = index[question] = index.GetValueOrDefault(question, -1) + 1;
            verdicts[$"{question}#{sample}"] = Normalize(row.GetProperty("results"));
        }
        return new RunnerResult(run, verdicts);
    }

    /// <summary>Builds <paramref name="repository"/>'s <c>lcb</c> with its own script (when its sources changed), outside any timing.</summary>
    public static async Task BuildLcbAsync(string repository)
    {
        var build = await MeasuredProcess.RunAsync(Path.Combine(repository, "lcb"), ["--help"]);
        Require(build, "building lcb");
    }

    /// <summary>
    /// <c>lcb grade</c> of <paramref name="repository"/>, started as its <c>lcb</c> script starts it once built
    /// (<c>dotnet .artifacts/lcb/lcb.dll</c>), so that no build lands in a timed run.
    /// </summary>
    public static async Task<RunnerResult> LcbGradeAsync(string repository, BenchSet set, int workers, double timeout, string scratch, bool timings,
        bool samplePeakMemory = false)
    {
        var output = Path.Combine(scratch, "lcb");
        IEnumerable<string> arguments = ["grade", "--problems", set.ProblemsFile, "--generations", set.GenerationsFile,
            "--out", output, "--workers", $"{workers}", "--timeout", $"{timeout}"];
        var lcb = Path.Combine(repository, ".artifacts", "lcb", "lcb.dll");
        var run = await MeasuredProcess.RunAsync("dotnet", timings ? arguments.Prepend(lcb).Append("--timings") : arguments.Prepend(lcb), scratch,
            samplePeakMemory);
        Require(run, "lcb grade");
        var verdicts = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(output, "verdicts.jsonl")).Where(line => line.Length > 0))
        {
            using var row = JsonDocument.Parse(line);
            var root = row.RootElement;
            verdicts[$"{root.GetProperty("question_id").GetString()}#{root.GetProperty("sample_index").GetInt32()}"] = Normalize(root.GetProperty("graded"));
        }
        return new RunnerResult(run, verdicts);
    }

    /// <summary>Per-test results as text with true/false written as 1/0, so both runners' files compare equal when their verdicts are.</summary>
    private static string Normalize(JsonElement results) => string.Join(",", results.EnumerateArray().Select(value => value.ValueKind switch
    {
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        _ => value.GetRawText(),
    }));

    private static void Require(ProcessRun run, string what)
    {
        if (run.ExitCode != 0)
        {
            var tail = run.Stderr.Length > 2000 ? run.Stderr[^2000..] : run.Stderr;
            throw new InvalidOperationException($"{what} exited with {run.ExitCode}: {tail}");
        }
    }
}
