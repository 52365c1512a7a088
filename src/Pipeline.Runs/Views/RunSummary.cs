using Pipeline.Runs.Published;
using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Views;

/// <summary>
/// A run's scores in a contest-date window, as `lcb results --json` computes them (while streaming, only problems
/// with all samples graded), broken down every way the run page shows, with the overall 95% interval.
/// </summary>
public sealed record RunSummary
{
    public required Guid RunId { get; init; }
    public required string Model { get; init; }
    public required bool Provisional { get; init; }
    public required DateOnly? Start { get; init; }
    public required DateOnly? End { get; init; }
    public required IReadOnlyList<int> Ks { get; init; }
    public required int SamplesPerProblem { get; init; }
    public required GroupScore Overall { get; init; }
    public required ScoreInterval Interval { get; init; }
    public required IReadOnlyList<GroupScore> ByDifficulty { get; init; }
    public required IReadOnlyList<GroupScore> ByPlatform { get; init; }
    public required IReadOnlyList<GroupScore> ByMonth { get; init; }
    /// <summary>Measured vs the model's published score, when one is published for the run's scenario.</summary>
    public PublishedScoreCheck? Published { get; init; }

    public static RunSummary Of(RunRegistration run, IReadOnlyDictionary<string, ProblemCounts> counts, bool completed, DateWindow window)
    {
        var problems = RunScores.Problems(run, counts, window, completeOnly: !completed);
        return new RunSummary
        {
            RunId = run.RunId,
            Model = run.Model,
            Provisional = !completed,
            Start = window.Start,
            End = window.End,
            Ks = run.Ks,
            SamplesPerProblem = run.SamplesPerProblem,
            Overall = GroupScore.Of("all", problems, run.Ks),
            Interval = ScoreInterval.Of(problems),
            ByDifficulty = BreakdownScores.By(Breakdown.Difficulty, problems, run.Ks),
            ByPlatform = BreakdownScores.By(Breakdown.Platform, problems, run.Ks),
            ByMonth = BreakdownScores.By(Breakdown.Month, problems, run.Ks),
        };
    }
}
