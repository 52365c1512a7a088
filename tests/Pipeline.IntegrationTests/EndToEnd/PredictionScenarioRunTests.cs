using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Core.Scenarios;
using Pipeline.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// One run of each prediction scenario through the services as separate processes, over real RabbitMQ, Redis and the
/// sandbox, on a handful of bundled rows with the replay server's synthetic answers: every right answer passes, every
/// wrong or malformed one fails, and the run reports its scenario.
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class PredictionScenarioRunTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Test_output_prediction_and_code_execution_runs_complete_with_the_right_verdicts()
    {
        await using var cluster = await PipelineCluster.StartAsync(new ClusterOptions { Executors = 1 });
        foreach (var (scenario, cot) in new[] { (Scenario.TestOutputPrediction, false), (Scenario.CodeExecution, true) })
        {
            var run = await ClusterRun.EvaluateAsync(cluster, new DatasetSelection { Release = "release_latest", Limit = 4 }, adjust: start => start with
            {
                Model = SyntheticAnswers.ModelName(scenario),
                Scenario = scenario.Name(),
                Cot = cot,
                Sampling = new SamplingSettings { N = 3 },
            });
            var correct = PipelineCluster.SyntheticItems(scenario).ToDictionary(item => item.Key, item => item.Correct);
            var verdicts = await cluster.Store.GetVerdictsAsync(run.RunId);
            Assert.Equal(12, verdicts.Count);
            Assert.All(verdicts, verdict => Assert.Equal(verdict.RawOutput == correct[verdict.ProblemId], verdict.Passed));
            Assert.Contains(verdicts, verdict => verdict.Passed);
            Assert.Contains(verdicts, verdict => !verdict.Passed);
            var report = await cluster.Store.GetReportAsync(run.RunId);
            Assert.Equal(ScenarioNames.Label(scenario.Name(), cot), report!.Scenario);
            log.WriteLine($"{report.Scenario}: 4 rows × 3 answers in {run.Elapsed.TotalSeconds:F0} s, pass@1 {report.Overall.PassAtK["pass@1"]:P1}");
        }
    }
}
