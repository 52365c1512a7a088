namespace Pipeline.Cli.Evaluation;

/// <summary>The LCB material shipped in the repository (tests/data/lcb), found from wherever lcb was built.</summary>
public static class BundledData
{
    public static string Directory => Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("bundled data tests/data/lcb not found above " + AppContext.BaseDirectory + "; pass --data DIR");

    public static string Problems(string directory) => Path.Combine(directory, "problems.jsonl");

    public static string Recording(string directory, string model) =>
        Path.Combine(directory, "generations", $"{model}.codegeneration.eval_all.jsonl");

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
