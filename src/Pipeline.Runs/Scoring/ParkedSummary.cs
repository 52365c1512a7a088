using Pipeline.Runs;

namespace Pipeline.Runs.Scoring;

/// <summary>One line on a run's parked work and what to do about it, the same for `lcb eval --wait`, `lcb status` and the API.</summary>
public static class ParkedSummary
{
    /// <summary>
    /// "2 samples parked (generation of abc301_a): ModelServerRejectedException: …; see `lcb errors --run 3f2a9c1e`, fix the cause, then `lcb replay --run 3f2a9c1e`";
    /// null when nothing is parked.
    /// </summary>
    public static string? Describe(Guid runId, IReadOnlyList<ParkedWork> parked)
    {
        if (parked.Count == 0)
        {
            return null;
        }
        var samples = parked.Sum(p => p.Samples);
        var reasons = parked.GroupBy(p => p.Reason)
            .Select(g => $"{g.First().Stage} of {Problems(g)}: {g.Key}");
        var id = runId.ToString("N")[..8];
        return $"{samples} sample{(samples == 1 ? "" : "s")} parked ({string.Join("; ", reasons)}); "
            + $"see `lcb errors --run {id}`, fix the cause, then `lcb replay --run {id}`";
    }

    private static string Problems(IEnumerable<ParkedWork> parked)
    {
        var ids = parked.Select(p => p.ProblemId).Distinct().ToList();
        return ids.Count <= 3 ? string.Join(", ", ids) : $"{string.Join(", ", ids.Take(3))} and {ids.Count - 3} more";
    }
}
