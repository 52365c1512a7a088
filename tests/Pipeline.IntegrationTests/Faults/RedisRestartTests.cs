using Pipeline.IntegrationTests.EndToEnd;
using Pipeline.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Faults;

/// <summary>
/// Fault 4: the Redis holding problems, suites and run state crashes (SIGKILL) mid-run and starts again on the
/// same append-only file. The services reconnect, their retries cover the gap, the run completes with every
/// sample counted once (docs/decisions/013: why SIGKILL, and why appendfsync always).
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class RedisRestartTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Redis_crashing_and_restarting_mid_run_loses_no_count()
    {
        using var redis = await DedicatedRedis.StartAsync();
        await using var cluster = await PipelineCluster.StartAsync(new ClusterOptions { Redis = redis.Configuration });
        var restartedAt = TimeSpan.Zero;
        var run = await ClusterRun.EvaluateAsync(cluster, FaultRuns.Selection, async (_, trace, cancellationToken) =>
        {
            await trace.WaitForGradedAsync(FaultRuns.StrikeAfterGraded, cancellationToken);
            var graded = trace.LastGraded;
            redis.Crash();
            await Task.Delay(Down, cancellationToken);
            await redis.StartServerAsync();
            restartedAt = trace.Now;
            log.WriteLine($"Redis SIGKILLed after {graded} samples graded, started again {Down.TotalSeconds} s later on the same append-only file");
        });
        var losses = await OfficialScore.AssertAsync(cluster, FaultRuns.Selection, run, log);
        FaultFigures.Log(log, $"fault 4 (Redis SIGKILL, down {Down.TotalSeconds:F0} s)", run, restartedAt, losses);
    }
}
