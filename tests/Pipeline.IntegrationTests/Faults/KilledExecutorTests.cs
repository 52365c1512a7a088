using Pipeline.IntegrationTests.EndToEnd;
using Pipeline.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Faults;

/// <summary>
/// Fault 5: an Executor is SIGKILLed while it grades a sample. RabbitMQ hands the unacknowledged sample to the other
/// Executor, which grades it again; the Scorer counts it once; the score equals the official runner's.
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class KilledExecutorTests(ITestOutputHelper log)
{
    [Fact]
    public async Task An_executor_killed_while_grading_loses_no_sample_and_counts_none_twice()
    {
        await using var cluster = await PipelineCluster.StartAsync(new ClusterOptions());
        var victim = cluster.Process("executor-1");
        var killedAt = TimeSpan.Zero;
        var run = await ClusterRun.EvaluateAsync(cluster, FaultRuns.Selection, async (_, trace, cancellationToken) =>
        {
            await trace.WaitForGradedAsync(FaultRuns.StrikeAfterGraded, cancellationToken);
            // A sample is in flight when the warm worker has forked a child for it (docs/decisions/004).
            while (!ProcessTree.IsGrading(victim.Id))
            {
                await Task.Delay(20, cancellationToken);
            }
            victim.Crash();
            killedAt = trace.Now;
            log.WriteLine($"SIGKILLed executor-1 while it graded a sample, {trace.LastGraded} samples graded");
        });
        var losses = await OfficialScore.AssertAsync(cluster, FaultRuns.Selection, run, log);
        FaultFigures.Log(log, "fault 5 (Executor SIGKILLed while grading)", run, killedAt, losses);
    }
}
