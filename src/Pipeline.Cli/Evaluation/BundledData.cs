namespace Pipeline.Cli.Evaluation;

/// <summary>The LCB material shipped in the repository (tests/data/lcb), found from wherever lcb was built.</summary>
public static class BundledData
{
    public static string Directory => Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("bundled data tests/data/lcb not found above " + AppContext.BaseDirectory + "; pass --data DIR");

    public static string Problems(string directory) => Path.Combine(directory, "problems.jsonl");

    public const string RecordingSuffix = ".codegeneration.eval_all.jsonl";
    /// <summary>Test output prediction rows (livecodebench/test_generation, a real sample).</summary>
    public static string TestOutputRows(string directory) => Path.Combine(directory, "test_generation.sample.jsonl");

    /// <summary>Code execution rows in the execution-v2 schema, built for tests (tests/data/README.md).</summary>
    public static string ExecutionRows(string directory) => Path.Combine(directory, "execution.fixture.jsonl");

    /// <summary>The prediction scenarios' parity files: answers and the official runner's results on them.</summary>
    public static string ScenarioParity(string directory) => Path.Combine(directory, "..", "scenarios");

    public static string Recording(string directory, string model) =>
        Path.Combine(directory, "generations", model + RecordingSuffix);

    public static string OfficialVerdicts(string directory, string model) =>
        Path.Combine(directory, "generations", $"{model}.official_public_verdicts.jsonl");

    private static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "data", "lcb");
            if (File.Exists(Path.Combine(candidate, "problems.jsonl")))
            {
                return candidate;
            }
        }
        return null;
    }
}
