using Pipeline.Core.Scenarios;
using Pipeline.Runs;

namespace Pipeline.Runs.Scoring;

/// <summary>Joins a run's problems with their stored counts: the query every score, live or final, starts from.</summary>
public static class RunScores
{
    /// <param name="completeOnly">keep only problems with all their samples graded (provisional scores while streaming)</param>
    public static IReadOnlyList<ScoredProblem> Problems(
        RunRegistration run, IReadOnlyDictionary<string, ProblemCounts> counts, DateWindow window, bool completeOnly)
    {
        var scored = new List<ScoredProblem>(run.Problems.Count);
        var dropsSkipped = ScenarioNames.Parse(run.Request?.Scenario ?? ScenarioNames.Default) == Scenario.CodeExecution;
        foreach (var problem in run.Problems)
        {
            if (!window.Contains(problem.ContestDate))
            {
                continue;
            }
            var count = counts.GetValueOrDefault(problem.ProblemId);
            if (completeOnly && count.Samples < run.SamplesPerProblem)
            {
                continue;
            }
            scored.Add(new ScoredProblem(problem, count.Samples, count.Correct, dropsSkipped ? count.Skipped : 0));
        }
        return scored;
    }

    public static bool IsComplete(RunRegistration run, IReadOnlyDictionary<string, ProblemCounts> counts) =>
        run.Problems.All(p => counts.GetValueOrDefault(p.ProblemId).Samples >= run.SamplesPerProblem);
}
