using Pipeline.Contracts;
using Pipeline.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// The whole pipeline as separate processes on real RabbitMQ and Redis: Ingest, Generator, two Executors and the
/// Scorer, started by `lcb eval` on the 343 bundled problems with a recorded model replayed; every verdict must
/// equal the official runner's. (The same cluster under faults: tests/…/Faults.)
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class DistributedRunTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Separate_processes_with_two_executors_reproduce_the_official_verdicts()
    {
        var selection = new DatasetSelection { Release = "release_latest" };
        await using var cluster = await PipelineCluster.StartAsync(new ClusterOptions());
        var run = await ClusterRun.EvaluateAsync(cluster, selection);
        log.WriteLine($"343 problems, two Executors: {run.Elapsed.TotalSeconds:F0} s from lcb eval to results");
        await OfficialScore.AssertAsync(cluster, selection, run, log);
    }
}
