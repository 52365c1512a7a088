using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Comparison;

/// <summary>Compares two runs problem by problem: overall, then one row per difficulty.</summary>
public static class RunComparison
{
    public const int DefaultResamples = 10_000;
    public const int DefaultSeed = 20240901;

    /// <summary>Rows over the problems scored in both runs; problems only one run has are left out.</summary>
    public static IReadOnlyList<ComparisonRow> Compare(
        IReadOnlyList<ScoredProblem> a, IReadOnlyList<ScoredProblem> b, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        var scoresB = b.ToDictionary(p => p.Problem.ProblemId);
        var pairs = a.Where(p => scoresB.ContainsKey(p.Problem.ProblemId))
            .Select(p => (A: p, B: scoresB[p.Problem.ProblemId]))
            .ToList();
        var rows = new List<ComparisonRow> { Row("all", pairs, resamples, seed) };
        var byDifficulty = BreakdownScores.By(Breakdown.Difficulty, pairs.Select(p => p.A).ToList(), [1]);
        rows.AddRange(byDifficulty.Select(g =>
            Row(g.Group, pairs.Where(p => p.A.Problem.Difficulty == g.Group).ToList(), resamples, seed)));
        return rows;
    }

    private static ComparisonRow Row(string group, IReadOnlyList<(ScoredProblem A, ScoredProblem B)> pairs, int resamples, int seed)
    {
        var differences = pairs.Select(p => p.B.PassAt1 - p.A.PassAt1).ToList();
        var (low, high) = PairedBootstrap.Interval(differences, resamples, seed);
        return new ComparisonRow
        {
            Group = group,
            Problems = pairs.Count,
            PassAt1A = pairs.Count == 0 ? double.NaN : pairs.Average(p => p.A.PassAt1),
            PassAt1B = pairs.Count == 0 ? double.NaN : pairs.Average(p => p.B.PassAt1),
            Low = low,
            High = high,
        };
    }
}
