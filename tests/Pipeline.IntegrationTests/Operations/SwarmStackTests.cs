using System.Diagnostics;
using System.Net;
using Pipeline.Contracts;
using Pipeline.IntegrationTests.EndToEnd;
using Pipeline.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Operations;

/// <summary>
/// docker-stack.yml on a single-node Docker Swarm made for the test (<see cref="SwarmNode"/>), from the images
/// scripts/build-images.sh built (the compose test's, reused): deployed with one Executor, scaled to two with
/// `docker service scale`, every container healthy by its /healthz, then 24 problems evaluated while one Executor
/// container is SIGKILLed; Swarm starts a replacement task, and the run ends with the official verdicts, every
/// sample scored once, nothing parked. Runs alone (graded timing must not share the cores with the parallel tests).
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class SwarmStackTests(ITestOutputHelper log)
{
    private static readonly DatasetSelection Selection = new() { Release = "release_latest", Limit = 24 };

    [Fact]
    public async Task A_swarm_stack_scales_executors_restarts_a_killed_one_and_keeps_the_official_verdicts()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        log.WriteLine(await ComposeProject.BuildImagesAsync(timeout.Token));
        var clock = Stopwatch.StartNew();

        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Address = IPAddress.Any,
            Models = new Dictionary<string, IReadOnlyList<string>> { [PipelineCluster.Model] = [LcbTestData.Recording(PipelineCluster.Model)] },
        });
        clock.Restart();
        await using var node = await SwarmNode.JoinAsync(timeout.Token);
        await using var stack = await SwarmStack.DeployAsync(LcbTestData.Folder, $"http://host.docker.internal:{new Uri(replay.BaseUrl).Port}",
            executors: 1, workers: 1, timeout.Token);
        await ConsumerBindings.WaitAsync(stack, executors: 1, TimeSpan.FromMinutes(4));
        await stack.ScaleAsync("executor", 2, timeout.Token);
        await ConsumerBindings.WaitAsync(stack, executors: 2, TimeSpan.FromMinutes(2));
        await stack.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3), timeout.Token);
        log.WriteLine($"stack deployed, scaled to two Executors and healthy in {clock.Elapsed.TotalSeconds:F0} s");

        string? killed = null;
        var run = await ClusterRun.EvaluateAsync(stack, Selection, async (_, trace, cancellationToken) =>
        {
            await trace.WaitForGradedAsync(4, cancellationToken);
            killed = (await stack.ContainersAsync("executor", cancellationToken))[0];
            await SwarmNode.CheckedAsync(cancellationToken, "kill", killed);
            log.WriteLine($"SIGKILLed executor container {killed[..12]} at {trace.LastGraded} samples graded");
        });
        await OfficialScore.AssertAsync(stack, Selection, run, log);

        // Swarm replaces the killed task: two Executors run again, beside the failed task it keeps in its history.
        // The run can end before the replacement is past "Starting" (its health check), so that is awaited.
        Assert.NotNull(killed);
        Assert.DoesNotContain(killed, await stack.ContainersAsync("executor", timeout.Token));
        await ConsumerBindings.WaitAsync(stack, executors: 2, TimeSpan.FromMinutes(2));
        var tasks = await Wait.UntilAsync(async () => string.Join("\n", await stack.TasksAsync("executor", timeout.Token)),
            listed => listed.Split('\n').Count(t => t.Contains(" Running Running ", StringComparison.Ordinal)) == 2,
            TimeSpan.FromMinutes(2), "two executor tasks running, the killed one replaced");
        log.WriteLine(tasks);
        Assert.Contains(" Shutdown Failed ", tasks, StringComparison.Ordinal);
    }
}
