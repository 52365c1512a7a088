using Pipeline.Core.Problems;
using Pipeline.Dataset;

namespace Pipeline.Dataset.Ingest;

/// <summary>What one ingest stored: problems in dataset order, counts by platform × difficulty, and what was new.</summary>
public sealed class IngestSummary
{
    private readonly List<Problem> _problems = [];
    private readonly Dictionary<(string Platform, string Difficulty), int> _counts = [];

    /// <summary>Each stored problem (with the hash its tests are stored under), in dataset order.</summary>
    public IReadOnlyList<Problem> Problems => _problems;
    public IReadOnlyDictionary<(string Platform, string Difficulty), int> ProblemsByPlatformAndDifficulty => _counts;
    public long Tests { get; private set; }
    /// <summary>Size of the decoded suites as canonical JSON.</summary>
    public long SuiteBytes { get; private set; }
    public int NewSuites { get; private set; }
    public int StoredSuites { get; private set; }
    public int NewOrChangedProblems { get; private set; }
    public required DatasetReport Dataset { get; init; }
    public TimeSpan Elapsed { get; internal set; }

    internal void Add(DatasetEntry entry, bool suiteWasNew, bool problemChanged)
    {
        var problem = entry.Problem;
        _problems.Add(problem);
        var key = (problem.Platform, problem.Difficulty);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
        Tests += entry.Suite.Tests.Count;
        SuiteBytes += entry.SuiteBytes;
        if (suiteWasNew)
        {
            NewSuites++;
        }
        else
        {
            StoredSuites++;
        }
        if (problemChanged)
        {
            NewOrChangedProblems++;
        }
    }
}
