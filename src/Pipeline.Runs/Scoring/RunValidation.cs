using Pipeline.Contracts;
using Pipeline.Runs;

namespace Pipeline.Runs.Scoring;

/// <summary>Refuses messages that cannot belong to a consistent run, with the reason; the message is kept in the error queue.</summary>
public static class RunValidation
{
    public static void Check(EvaluationStarted started)
    {
        if (started.Problems is not { Count: > 0 })
        {
            throw new InvalidDataException($"run {started.RunId}: EvaluationStarted lists no problems");
        }
        if (started.Problems.DistinctBy(p => p.ProblemId).Count() != started.Problems.Count)
        {
            throw new InvalidDataException($"run {started.RunId}: EvaluationStarted lists a problem twice");
        }
        if (started.SamplesPerProblem < 1)
        {
            throw new InvalidDataException($"run {started.RunId}: SamplesPerProblem must be at least 1, got {started.SamplesPerProblem}");
        }
        if (started.Ks.Count == 0 || started.Ks.Any(k => k < 1))
        {
            throw new InvalidDataException($"run {started.RunId}: Ks must be positive, got [{string.Join(", ", started.Ks)}]");
        }
    }

    public static void Check(RunRegistration run, SolutionGraded graded)
    {
        if (!run.Problems.Any(p => p.ProblemId == graded.ProblemId))
        {
            throw new InvalidDataException($"run {run.RunId}: problem '{graded.ProblemId}' is not part of the run");
        }
        if (graded.SampleIndex < 0 || graded.SampleIndex >= run.SamplesPerProblem)
        {
            throw new InvalidDataException(
                $"run {run.RunId}: sample {graded.SampleIndex} of '{graded.ProblemId}' is outside 0..{run.SamplesPerProblem - 1}");
        }
    }
}
