using Pipeline.Contracts;

namespace Pipeline.TestSupport;

/// <summary>Verdicts as an Executor sends them: one message per problem's samples.</summary>
public static class VerdictMessages
{
    public static IEnumerable<SolutionsGraded> Of(IEnumerable<SolutionGraded> verdicts) =>
        verdicts.GroupBy(v => (v.RunId, v.ProblemId)).Select(problem => new SolutionsGraded
        {
            RunId = problem.Key.RunId, ProblemId = problem.Key.ProblemId, Verdicts = problem.ToList(),
        });
}
