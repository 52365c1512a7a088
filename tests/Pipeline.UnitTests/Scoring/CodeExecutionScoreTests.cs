using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;

namespace Pipeline.UnitTests.Scoring;

/// <summary>
/// The Scorer's code-execution pass@1 against the official code_execution_metrics: the official runner's eval.json
/// for 40 rows × 5 answers (tests/data/scenarios), where answers containing the call are dropped from a row's graded
/// list and a row with every answer dropped counts five failures.
/// </summary>
public sealed class CodeExecutionScoreTests
{
    [Theory]
    [InlineData("codeexecution", 63.125)]
    [InlineData("codegeneration", null)]
    public async Task Skipped_answers_are_left_out_of_code_execution_pass_at_1_as_official(string scenario, double? official)
    {
        var rows = JsonDocument.Parse(File.ReadAllText(Repository.File("tests", "data", "scenarios", "execution.official.eval_all.json"))).RootElement;
        var expected = official ?? JsonDocument.Parse(File.ReadAllText(Repository.File("tests", "data", "scenarios", "execution.official.eval.json")))
            .RootElement[0].GetProperty("pass@1").GetDouble();
        var store = new InMemoryRunStore();
        var run = new RunRegistration
        {
            RunId = Guid.NewGuid(), Model = "m", SamplesPerProblem = 5, Ks = [1], StartedAt = DateTimeOffset.UnixEpoch,
            Problems = [.. rows.EnumerateArray().Select(row => new RunProblem
            {
                ProblemId = row.GetProperty("id").GetString()!, Difficulty = "easy", Platform = "leetcode", ContestDate = DateTime.UnixEpoch,
            })],
            Request = new StartEvaluation
            {
                RunId = Guid.Empty, Model = "m", BaseUrl = "http://m", Selection = new DatasetSelection { Release = "release_latest" }, Scenario = scenario,
            },
        };
        var skipped = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var input = row.GetProperty("input").GetString()!;
            var graded = new Queue<bool>(row.GetProperty("graded_list").EnumerateArray().Select(g => g.GetBoolean()));
            var answers = row.GetProperty("pred_list").EnumerateArray().Select(p => p.GetString()!).ToList();
            for (var index = 0; index < answers.Count; index++)
            {
                // The Executor's skip: no result at all for an answer that contains the call.
                var skip = answers[index].Contains(input, StringComparison.Ordinal);
                skipped += skip ? 1 : 0;
                var passed = !skip && graded.Dequeue();
                await store.RecordAsync(run.RunId, new SampleVerdict
                {
                    ProblemId = row.GetProperty("id").GetString()!, SampleIndex = index, Passed = passed, Results = skip ? [] : [passed ? 1 : 0], MetadataJson = "{}",
                });
            }
        }

        var report = RunReport.Build(run, await store.GetCountsAsync(run.RunId), DateTimeOffset.UnixEpoch);

        Assert.True(skipped > 0);
        var passAt1 = report.Overall.PassAtK["pass@1"] * 100;
        if (official is { } value)
        {
            Assert.Equal(value, passAt1, precision: 9);
        }
        else
        {
            // Another scenario counts every sample: not the official code-execution number.
            Assert.NotEqual(expected, passAt1, precision: 3);
        }
        Assert.Equal(200, report.Overall.Samples);
    }
}
