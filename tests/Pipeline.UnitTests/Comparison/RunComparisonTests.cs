using Pipeline.Contracts;
using Pipeline.Runs.Comparison;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;

namespace Pipeline.UnitTests.Comparison;

public sealed class RunComparisonTests
{
    [Fact]
    public void The_interval_is_the_same_for_the_same_seed_and_moves_with_another()
    {
        var differences = Enumerable.Range(0, 50).Select(i => (i % 7 - 3) / 10.0).ToList();

        var first = PairedBootstrap.Interval(differences, 2000, seed: 7);
        var again = PairedBootstrap.Interval(differences, 2000, seed: 7);
        var other = PairedBootstrap.Interval(differences, 2000, seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(differences.Average(), first.Low, first.High);
    }

    [Fact]
    public void Identical_runs_differ_by_exactly_zero()
    {
        var run = Scored(("a", "easy", 1), ("b", "hard", 0), ("c", "medium", 0.5));

        var all = RunComparison.Compare(run, run)[0];

        Assert.Equal((0.0, 0.0, 0.0), (all.Difference, all.Low, all.High));
    }

    [Fact]
    public void A_clearly_better_run_has_an_interval_above_zero_and_rows_per_difficulty()
    {
        var ids = Enumerable.Range(0, 40).Select(i => ($"p{i}", i % 2 == 0 ? "easy" : "hard")).ToList();
        var a = Scored(ids.Select(p => (p.Item1, p.Item2, 0.2)).ToArray());
        var b = Scored(ids.Select((p, i) => (p.Item1, p.Item2, i % 4 == 0 ? 0.2 : 0.9)).ToArray());

        var rows = RunComparison.Compare(a, b);

        Assert.Equal(["all", "easy", "hard"], rows.Select(r => r.Group));
        Assert.True(rows[0].Low > 0, $"interval [{rows[0].Low}, {rows[0].High}] should exclude zero");
        Assert.Equal(0.2, rows[0].PassAt1A, 12);
        Assert.Equal(20, rows[2].Problems);
    }

    [Fact]
    public void Only_problems_scored_in_both_runs_are_compared()
    {
        var a = Scored(("a", "easy", 1), ("b", "easy", 0));
        var b = Scored(("b", "easy", 1), ("c", "easy", 1));

        var all = RunComparison.Compare(a, b)[0];

        Assert.Equal((1, 0.0, 1.0), (all.Problems, all.PassAt1A, all.PassAt1B));
    }

    /// <summary>Problems with ten samples each and the given pass@1.</summary>
    private static List<ScoredProblem> Scored(params (string Id, string Difficulty, double PassAt1)[] problems) =>
        problems.Select(p => new ScoredProblem(
            new RunProblem { ProblemId = p.Id, Difficulty = p.Difficulty, Platform = "atcoder", ContestDate = new DateTime(2024, 10, 1) },
            10,
            (int)Math.Round(p.PassAt1 * 10))).ToList();
}
