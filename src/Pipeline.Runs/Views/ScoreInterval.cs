using Pipeline.Runs.Comparison;
using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Views;

/// <summary>pass@1 over a run's problems with its 95% percentile-bootstrap interval (problems resampled with replacement).</summary>
public sealed record ScoreInterval(double PassAt1, double Low, double High)
{
    public const int Resamples = 2_000;

    public static ScoreInterval Of(IReadOnlyList<ScoredProblem> problems)
    {
        if (problems.Count == 0)
        {
            return new ScoreInterval(double.NaN, double.NaN, double.NaN);
        }
        var values = problems.Select(p => p.PassAt1).ToList();
        // The resampled mean of single values is the paired bootstrap's mean of differences against zero.
        var (low, high) = PairedBootstrap.Interval(values, Resamples, RunComparison.DefaultSeed);
        return new ScoreInterval(values.Average(), low, high);
    }
}
