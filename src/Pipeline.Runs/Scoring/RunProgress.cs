using Pipeline.Runs;

namespace Pipeline.Runs.Scoring;

/// <summary>A run's streaming state, readable at any moment: what is graded so far and the provisional pass@1.</summary>
public sealed record RunProgress
{
    public required RunRegistration Run { get; init; }
    public required int ProblemsComplete { get; init; }
    public required long SamplesGraded { get; init; }
    /// <summary>pass@1 over the problems whose samples are all graded; null before the first one is.</summary>
    public required double? ProvisionalPassAt1 { get; init; }
    public required DateTimeOffset? CompletedAt { get; init; }
    /// <summary>Work the services gave up on: it waits in an _error queue until fixed and replayed.</summary>
    public IReadOnlyList<ParkedWork> Parked { get; init; } = [];

    public bool IsCompleted => CompletedAt is not null;

    public long SamplesParked => Parked.Sum(p => (long)p.Samples);

    /// <summary>Nothing left in flight: every sample not graded is parked, so the run cannot finish until they are replayed.</summary>
    public bool IsStalled => !IsCompleted && SamplesParked > 0 && SamplesGraded + SamplesParked >= Run.TotalSamples;

    public static RunProgress Of(
        RunRegistration run, IReadOnlyDictionary<string, ProblemCounts> counts, RunReport? report, IReadOnlyList<ParkedWork>? parked = null)
    {
        var complete = RunScores.Problems(run, counts, DateWindow.All, completeOnly: true);
        var all = RunScores.Problems(run, counts, DateWindow.All, completeOnly: false);
        return new RunProgress
        {
            Run = run,
            ProblemsComplete = complete.Count,
            SamplesGraded = all.Sum(p => (long)p.Samples),
            ProvisionalPassAt1 = complete.Count == 0 ? null : complete.Average(p => PassAtK.Estimate(p.Counted, p.Correct, 1)),
            CompletedAt = report?.CompletedAt,
            Parked = report is null ? parked ?? [] : [],
        };
    }
}
