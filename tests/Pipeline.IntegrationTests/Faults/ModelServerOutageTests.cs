using Pipeline.IntegrationTests.EndToEnd;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Replay.Faults;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Faults;

/// <summary>
/// Fault 1: the model server answers 500 to every request for a while, then recovers. The Generator's retries ride
/// it out: the run completes, nothing is parked, the score equals the official runner's.
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class ModelServerOutageTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_model_server_answering_500_for_a_while_delays_the_run_but_parks_nothing()
    {
        await using var cluster = await PipelineCluster.StartAsync(new ClusterOptions());
        // Down from the start: every problem's first request meets the outage.
        cluster.Replay.Faults.Set(new FaultOptions { ServerErrorRate = 1 });
        var recoveredAt = TimeSpan.Zero;
        var run = await ClusterRun.EvaluateAsync(cluster, FaultRuns.Selection, async (_, trace, cancellationToken) =>
        {
            await Task.Delay(Outage, cancellationToken);
            cluster.Replay.Faults.Set(new FaultOptions());
            recoveredAt = trace.Now;
            log.WriteLine($"model server back after {Outage.TotalSeconds} s of 500s ({cluster.Replay.Faults.Count(Fault.ServerError)} answered), {trace.LastGraded} samples graded");
        });
        Assert.True(cluster.Replay.Faults.Count(Fault.ServerError) > 0, "the outage met no request");
        var losses = await OfficialScore.AssertAsync(cluster, FaultRuns.Selection, run, log);
        FaultFigures.Log(log, $"fault 1 (model server 500 for {Outage.TotalSeconds:F0} s)", run, recoveredAt, losses);
    }
}
