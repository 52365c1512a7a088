using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Views;

/// <summary>
/// Problems whose outcome changed between two runs, a problem counting as solved when any of its samples passed:
/// Gained (unsolved in A, solved in B) and Lost (solved in A, unsolved in B). Only problems both runs scored.
/// </summary>
public sealed record FlippedProblems(IReadOnlyList<string> Gained, IReadOnlyList<string> Lost)
{
    public static FlippedProblems Between(IReadOnlyList<ScoredProblem> a, IReadOnlyList<ScoredProblem> b)
    {
        var solvedInB = b.ToDictionary(p => p.Problem.ProblemId, p => p.Correct > 0);
        var gained = new List<string>();
        var lost = new List<string>();
        foreach (var problem in a.OrderBy(p => p.Problem.ProblemId, StringComparer.Ordinal))
        {
            if (!solvedInB.TryGetValue(problem.Problem.ProblemId, out var solvedB) || (problem.Correct > 0) == solvedB)
            {
                continue;
            }
            (solvedB ? gained : lost).Add(problem.Problem.ProblemId);
        }
        return new FlippedProblems(gained, lost);
    }
}
