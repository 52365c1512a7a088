using Pipeline.Contracts;
using Pipeline.Runs;

namespace Pipeline.Runs.Scoring;

/// <summary>A run's problem with its counts so far.</summary>
public sealed record ScoredProblem(RunProblem Problem, int Samples, int Correct)
{
    public double PassAt1 => Samples == 0 ? 0 : (double)Correct / Samples;
}
