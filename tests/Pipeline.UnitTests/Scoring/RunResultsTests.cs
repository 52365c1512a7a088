using Pipeline.Contracts;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using static Pipeline.UnitTests.Scoring.ScorerFixtures;

namespace Pipeline.UnitTests.Scoring;

/// <summary>Breakdowns, date windows and streaming progress, computed from stored counts.</summary>
public sealed class RunResultsTests
{
    private static readonly RunRegistration Run = new()
    {
        RunId = Guid.NewGuid(),
        Model = "m",
        Problems = Problems.Select(p => new RunProblem
        {
            ProblemId = p.QuestionId, Difficulty = p.Difficulty, Platform = p.Platform, ContestDate = p.ContestDate,
        }).ToList(),
        SamplesPerProblem = 4,
        Ks = [1, 2],
        StartedAt = DateTimeOffset.UnixEpoch,
    };

    private static readonly Dictionary<string, ProblemCounts> AllGradedCounts = new()
    {
        ["p-easy"] = new(4, 4),
        ["p-medium"] = new(4, 1),
        ["p-hard"] = new(4, 0),
    };

    [Theory]
    [InlineData(Breakdown.Difficulty, "easy=1 medium=0.25 hard=0")]
    [InlineData(Breakdown.Platform, "atcoder=0.5 leetcode=0.25")]
    [InlineData(Breakdown.Month, "2024-10=0.625 2024-11=0")]
    public void Breakdowns_average_pass_at_1_within_each_group_in_reading_order(Breakdown by, string expected)
    {
        var problems = RunScores.Problems(Run, AllGradedCounts, DateWindow.All, completeOnly: false);

        var rows = BreakdownScores.By(by, problems, Run.Ks);

        Assert.Equal(expected, string.Join(" ", rows.Select(r => $"{r.Group}={r.PassAtK["pass@1"]}")));
    }

    [Fact]
    public void A_date_window_keeps_the_problems_whose_contest_day_is_inside_it_inclusive()
    {
        var window = new DateWindow(new DateOnly(2024, 10, 20), new DateOnly(2024, 11, 3));

        var problems = RunScores.Problems(Run, AllGradedCounts, window, completeOnly: false);

        Assert.Equal(["p-medium", "p-hard"], problems.Select(p => p.Problem.ProblemId));
    }

    [Fact]
    public void The_report_keeps_per_group_pass_at_k_for_every_allowed_k()
    {
        var report = RunReport.Build(Run, AllGradedCounts, DateTimeOffset.UnixEpoch);

        // pass@2 with n=4: easy 1, medium 1 - C(3,2)/C(4,2) = 0.5, hard 0.
        Assert.Equal(0.5, report.Overall.PassAtK["pass@2"], 12);
        Assert.Equal(["easy", "medium", "hard"], report.ByDifficulty.Select(g => g.Group));
        Assert.Equal(12, report.Overall.Samples);
    }

    [Fact]
    public void Progress_mid_run_counts_graded_samples_and_scores_only_complete_problems()
    {
        var partial = new Dictionary<string, ProblemCounts> { ["p-easy"] = new(4, 3), ["p-medium"] = new(2, 2) };

        var progress = RunProgress.Of(Run, partial, report: null);

        Assert.Equal((1, 6L), (progress.ProblemsComplete, progress.SamplesGraded));
        Assert.Equal(0.75, progress.ProvisionalPassAt1);
        Assert.False(progress.IsCompleted);
    }

    [Fact]
    public void Progress_before_any_problem_is_complete_has_no_provisional_score()
    {
        var progress = RunProgress.Of(Run, new Dictionary<string, ProblemCounts>(), report: null);

        Assert.Null(progress.ProvisionalPassAt1);
        Assert.Equal(0, progress.SamplesGraded);
    }
}
