using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Stores;

namespace Pipeline.Bench;

/// <summary>Any question id is an easy AtCoder problem of October 2024: what the Scorer reads when a run registers.</summary>
internal sealed class BenchProblems : IProblemStore
{
    public Task<bool> PutAsync(Problem problem, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Problem?> GetAsync(string questionId, CancellationToken cancellationToken = default) => Task.FromResult<Problem?>(new Problem
    {
        QuestionId = questionId, QuestionTitle = questionId, QuestionContent = "", Platform = "atcoder", ContestId = "c",
        ContestDate = new DateTime(2024, 10, 1), StarterCode = "", Difficulty = "easy", Metadata = "{}", SuiteHash = "h",
        PublicTests = 1, PrivateTests = 0,
    });

    /// <summary>The same problems as a run's start carries them.</summary>
    public static List<RunProblem> RunProblems(int count) => Enumerable.Range(0, count).Select(p => new RunProblem
    {
        ProblemId = $"p{p}", Difficulty = "easy", Platform = "atcoder", ContestDate = new DateTime(2024, 10, 1),
    }).ToList();
}
