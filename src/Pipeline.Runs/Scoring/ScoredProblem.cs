using Pipeline.Runs;

namespace Pipeline.Runs.Scoring;

/// <summary>A run's problem with its counts so far; <paramref name="Skipped"/> only where the scenario drops skipped answers.</summary>
public sealed record ScoredProblem(RunProblem Problem, int Samples, int Correct, int Skipped = 0)
{
    /// <summary>
    /// The n of pass@k: the official code-execution metric leaves skipped answers out of a problem's graded list, and
    /// a problem whose answers were all skipped counts every one as failed.
    /// </summary>
    public int Counted => Skipped < Samples ? Samples - Skipped : Samples;

    public double PassAt1 => Counted == 0 ? 0 : (double)Correct / Counted;
}
