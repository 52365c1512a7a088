namespace Pipeline.Runs.Scoring;

/// <summary>pass@k over one group of problems (all of them, one difficulty, one platform, one month).</summary>
public sealed record GroupScore
{
    public required string Group { get; init; }
    public required int Problems { get; init; }
    public required int Samples { get; init; }
    public required IReadOnlyDictionary<string, double> PassAtK { get; init; }

    public static GroupScore Of(string group, IReadOnlyCollection<ScoredProblem> problems, IEnumerable<int> ks) => new()
    {
        Group = group,
        Problems = problems.Count,
        Samples = problems.Sum(p => p.Samples),
        PassAtK = Scoring.PassAtK.Average(problems.Select(p => (p.Counted, p.Correct)).ToList(), ks),
    };
}
