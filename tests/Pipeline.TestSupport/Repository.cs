namespace Pipeline.TestSupport;

/// <summary>The repository the test binaries were built from (the folder holding Pipeline.sln), wherever it is cloned.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>A path inside the repository, e.g. <c>File("tests", "data", "lcb")</c>.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
