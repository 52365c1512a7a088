using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Stores;

namespace Pipeline.IntegrationTests.Scorer;

/// <summary>
/// Problems and messages for Scorer tests. The problem store is a fixed list: these tests are about the Scorer's
/// state in real Redis and its messages on real RabbitMQ, not about ingesting problems.
/// </summary>
internal static class ScorerProblems
{
    public static readonly IReadOnlyList<Problem> All = Enumerable.Range(0, 12).Select(i => new Problem
    {
        QuestionId = $"q{i}",
        QuestionTitle = $"q{i}",
        QuestionContent = "",
        Platform = i % 2 == 0 ? "atcoder" : "leetcode",
        ContestId = "c",
        ContestDate = new DateTime(2024, 9 + i % 3, 1 + i),
        StarterCode = "",
        Difficulty = (i % 3) switch { 0 => "easy", 1 => "medium", _ => "hard" },
        Metadata = "{}",
        SuiteHash = $"h{i}",
        PublicTests = 1,
        PrivateTests = 0,
    }).ToList();

    public static EvaluationStarted Started(Guid runId, int samplesPerProblem) => new()
    {
        RunId = runId, Model = "it-model", Problems = All.Select(p => new RunProblem
        {
            ProblemId = p.QuestionId, Difficulty = p.Difficulty, Platform = p.Platform, ContestDate = p.ContestDate,
        }).ToList(),
        SamplesPerProblem = samplesPerProblem, Ks = [1, 5],
    };

    /// <summary>Every sample; problem i passes its first i samples (capped by n), so the expected pass@k is known.</summary>
    public static List<SolutionGraded> AllGraded(Guid runId, int samplesPerProblem) =>
        All.SelectMany((p, i) => Enumerable.Range(0, samplesPerProblem).Select(s => new SolutionGraded
        {
            RunId = runId, ProblemId = p.QuestionId, SampleIndex = s, Passed = s < i,
            Results = s < i ? [1] : [-2], MetadataJson = "{}", Code = "pass",
        })).ToList();

    public static int CorrectOf(int problemIndex, int samplesPerProblem) => Math.Min(problemIndex, samplesPerProblem);
}
