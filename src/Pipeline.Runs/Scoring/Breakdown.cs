namespace Pipeline.Runs.Scoring;

/// <summary>The attributes results can be broken down by.</summary>
public enum Breakdown
{
    Difficulty,
    Platform,
    Month,
}

public static class BreakdownScores
{
    private static readonly string[] DifficultyOrder = ["easy", "medium", "hard"];

    /// <summary>One row per group, in reading order: easy→hard, platforms by name, months ascending.</summary>
    public static IReadOnlyList<GroupScore> By(Breakdown by, IReadOnlyCollection<ScoredProblem> problems, IEnumerable<int> ks)
    {
        var kList = ks.ToList();
        var groups = problems.GroupBy(p => KeyOf(by, p));
        var ordered = by == Breakdown.Difficulty
            ? groups.OrderBy(g => DifficultyRank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            : groups.OrderBy(g => g.Key, StringComparer.Ordinal);
        return ordered.Select(g => GroupScore.Of(g.Key, g.ToList(), kList)).ToList();
    }

    public static string KeyOf(Breakdown by, ScoredProblem problem) => by switch
    {
        Breakdown.Difficulty => problem.Problem.Difficulty,
        Breakdown.Platform => problem.Problem.Platform,
        Breakdown.Month => problem.Problem.ContestMonth,
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "unknown breakdown"),
    };

    private static int DifficultyRank(string difficulty)
    {
        var rank = Array.IndexOf(DifficultyOrder, difficulty);
        return rank < 0 ? DifficultyOrder.Length : rank;
    }
}
