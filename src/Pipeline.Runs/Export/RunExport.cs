using Pipeline.Core.Stores;
using Pipeline.Runs;

namespace Pipeline.Runs.Export;

/// <summary>Gathers a completed run's problems and verdicts from the stores, in the run's problem order.</summary>
public static class RunExport
{
    public static async Task<IReadOnlyList<ExportedProblem>> GatherAsync(
        IRunStore runs, IProblemStore problems, RunRegistration run, CancellationToken cancellationToken = default)
    {
        if (await runs.GetReportAsync(run.RunId, cancellationToken) is null)
        {
            var graded = (await runs.GetCountsAsync(run.RunId, cancellationToken)).Values.Sum(c => c.Samples);
            throw new InvalidOperationException(
                $"run {run.RunId} is still running ({graded}/{run.TotalSamples} samples graded); export it once it completes");
        }
        var byProblem = (await runs.GetVerdictsAsync(run.RunId, cancellationToken)).ToLookup(v => v.ProblemId);
        var exported = new List<ExportedProblem>(run.Problems.Count);
        foreach (var runProblem in run.Problems)
        {
            var problem = await problems.GetAsync(runProblem.ProblemId, cancellationToken)
                ?? throw new InvalidOperationException($"problem '{runProblem.ProblemId}' of run {run.RunId} is no longer in the problem store");
            exported.Add(new ExportedProblem(problem, byProblem[runProblem.ProblemId].OrderBy(v => v.SampleIndex).ToList()));
        }
        return exported;
    }
}
