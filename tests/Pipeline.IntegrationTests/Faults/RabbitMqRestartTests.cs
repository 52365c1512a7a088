using System.Diagnostics;
using Pipeline.IntegrationTests.EndToEnd;
using Pipeline.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Faults;

/// <summary>
/// Fault 3: the RabbitMQ node stops mid-run and starts again on the same data. Durable queues and persistent
/// messages come back, unacknowledged deliveries are delivered again, the services reconnect; the run completes
/// with every sample counted once and the official score.
/// </summary>
[Collection(VerdictParityCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RabbitMqRestartTests(ITestOutputHelper log)
{
    [Fact]
    public async Task RabbitMq_restarted_mid_run_loses_and_duplicates_nothing()
    {
        await using var rabbit = await DedicatedRabbitMq.StartAsync();
        await using var cluster = await PipelineCluster.StartAsync(new ClusterOptions { Broker = rabbit.Broker });
        var restartedAt = TimeSpan.Zero;
        var run = await ClusterRun.EvaluateAsync(cluster, FaultRuns.Selection, async (_, trace, cancellationToken) =>
        {
            await trace.WaitForGradedAsync(FaultRuns.StrikeAfterGraded, cancellationToken);
            var graded = trace.LastGraded;
            var down = Stopwatch.StartNew();
            await rabbit.StopAsync();
            await rabbit.StartNodeAsync();
            restartedAt = trace.Now;
            log.WriteLine($"RabbitMQ stopped after {graded} samples graded, listening again {down.Elapsed.TotalSeconds:F1} s later");
        });
        var losses = await OfficialScore.AssertAsync(cluster, FaultRuns.Selection, run, log);
        FaultFigures.Log(log, "fault 3 (RabbitMQ restart)", run, restartedAt, losses);
    }
}
