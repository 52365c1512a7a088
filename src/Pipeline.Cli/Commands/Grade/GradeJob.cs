using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;
using Pipeline.Dataset;

namespace Pipeline.Cli.Commands.Grade;

/// <summary>One problem of the dataset with its decoded suite (public tests, then private).</summary>
public sealed record ProblemWithSuite(Problem Problem, TestSuite Suite);

/// <summary>The generations to grade, each matched with its problem; every sample one unit of work.</summary>
public sealed record GradeJob(IReadOnlyList<(ProblemWithSuite Problem, ProblemGenerations Generations)> Problems)
{
    public IEnumerable<(int Problem, int Sample)> Samples =>
        Problems.SelectMany((p, i) => Enumerable.Range(0, p.Generations.CodeList.Count).Select(s => (i, s)));

    public int SampleCount => Problems.Sum(p => p.Generations.CodeList.Count);

    /// <exception cref="InvalidDataException">a problem row is bad, or a generation names a problem the dataset lacks.</exception>
    /// <exception cref="DatasetException">the problems file, folder or release cannot be read.</exception>
    public static GradeJob Load(string problemsPath, string? release, string generationsPath,
        Scenario scenario = Scenario.CodeGeneration, Func<string, string>? extract = null)
    {
        var report = new DatasetReport();
        var problems = DatasetReader.Read(problemsPath, new DatasetSelection { Release = release ?? "release_latest" }, report, scenario)
            .ToDictionary(e => e.Problem.QuestionId, e => new ProblemWithSuite(e.Problem, e.Suite));
        if (report.BadRows.Count > 0)
        {
            throw new InvalidDataException($"{report.BadRows.Count} bad problem row(s), e.g. {report.BadRows[0]}");
        }
        var generations = GenerationsFile.Read(generationsPath, extract);
        var missing = generations.Where(g => !problems.ContainsKey(g.QuestionId)).Select(g => g.QuestionId).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{missing.Count} generation(s) name problems absent from {problemsPath}: {string.Join(", ", missing.Take(10))}");
        }
        var job = new GradeJob([.. generations.Select(g => (problems[g.QuestionId], g))]);
        // Decoding a large suite leaves several times its size in garbage (the row, its JSON, the decoded text), which
        // the GC would keep committed while the workers and samples hold the suite too: handed back to the OS here, once.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return job;
    }
}
