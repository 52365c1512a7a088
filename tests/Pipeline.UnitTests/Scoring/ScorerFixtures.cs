using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Stores;

namespace Pipeline.UnitTests.Scoring;

/// <summary>Messages and problems for Scorer tests: three problems on two platforms, three difficulties, two months.</summary>
internal static class ScorerFixtures
{
    public static readonly Problem[] Problems =
    [
        Problem("p-easy", "easy", "atcoder", new DateTime(2024, 10, 5)),
        Problem("p-medium", "medium", "leetcode", new DateTime(2024, 10, 20)),
        Problem("p-hard", "hard", "atcoder", new DateTime(2024, 11, 3)),
    ];

    public static EvaluationStarted Started(Guid runId, int samplesPerProblem, params int[] ks) => new()
    {
        RunId = runId,
        Model = "test-model",
        Problems = Problems.Select(p => new RunProblem
        {
            ProblemId = p.QuestionId, Difficulty = p.Difficulty, Platform = p.Platform, ContestDate = p.ContestDate,
        }).ToList(),
        SamplesPerProblem = samplesPerProblem,
        Ks = ks.Length == 0 ? [1] : ks,
    };

    public static SolutionGraded Graded(Guid runId, string problemId, int sampleIndex, bool passed) => new()
    {
        RunId = runId,
        ProblemId = problemId,
        SampleIndex = sampleIndex,
        Results = passed ? [1, 1] : [1, -2],
        Passed = passed,
        MetadataJson = passed ? "{}" : """{"error_code": -2}""",
        Code = $"print({sampleIndex})",
        RawOutput = $"```python\nprint({sampleIndex})\n```",
    };

    /// <summary>Every sample of a run with n samples per problem, passing where <paramref name="passes"/> says.</summary>
    public static List<SolutionGraded> AllGraded(Guid runId, int samplesPerProblem, Func<string, int, bool> passes) =>
        Problems.SelectMany(p => Enumerable.Range(0, samplesPerProblem)
            .Select(i => Graded(runId, p.QuestionId, i, passes(p.QuestionId, i)))).ToList();

    public static IProblemStore Store() => new ProblemsInMemory(Problems);

    private static Problem Problem(string id, string difficulty, string platform, DateTime contestDate) => new()
    {
        QuestionId = id,
        QuestionTitle = id,
        QuestionContent = "",
        Platform = platform,
        ContestId = "c1",
        ContestDate = contestDate,
        StarterCode = "",
        Difficulty = difficulty,
        Metadata = "{}",
        SuiteHash = "hash-" + id,
        PublicTests = 2,
        PrivateTests = 0,
    };

    private sealed class ProblemsInMemory(IEnumerable<Problem> problems) : IProblemStore
    {
        private readonly Dictionary<string, Problem> _byId = problems.ToDictionary(p => p.QuestionId);

        public Task<bool> PutAsync(Problem problem, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("the Scorer only reads problems");

        public Task<Problem?> GetAsync(string questionId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_byId.GetValueOrDefault(questionId));
    }
}
