using Pipeline.Runs;

namespace Pipeline.Runs.Scoring;

/// <summary>The final scores of a completed run, stored once when its last sample is recorded.</summary>
public sealed record RunReport
{
    public required Guid RunId { get; init; }
    public required string Model { get; init; }
    /// <summary>The scenario scored ("codegeneration", "codeexecution (cot)", …).</summary>
    public string Scenario { get; init; } = "codegeneration";
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
    public required GroupScore Overall { get; init; }
    public required IReadOnlyList<GroupScore> ByDifficulty { get; init; }
    public required IReadOnlyList<GroupScore> ByPlatform { get; init; }
    public required IReadOnlyList<GroupScore> ByMonth { get; init; }

    public static RunReport Build(RunRegistration run, IReadOnlyDictionary<string, ProblemCounts> counts, DateTimeOffset completedAt)
    {
        var problems = RunScores.Problems(run, counts, DateWindow.All, completeOnly: false);
        return new RunReport
        {
            RunId = run.RunId,
            Model = run.Model,
            Scenario = run.Scenario,
            StartedAt = run.StartedAt,
            CompletedAt = completedAt,
            Overall = GroupScore.Of("all", problems, run.Ks),
            ByDifficulty = BreakdownScores.By(Breakdown.Difficulty, problems, run.Ks),
            ByPlatform = BreakdownScores.By(Breakdown.Platform, problems, run.Ks),
            ByMonth = BreakdownScores.By(Breakdown.Month, problems, run.Ks),
        };
    }
}
