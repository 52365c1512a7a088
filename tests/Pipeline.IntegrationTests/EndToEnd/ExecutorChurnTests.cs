using Pipeline.Contracts;
using Pipeline.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// Executors join and leave while a run is under way, as a scaler adds and removes them: a third Executor starts
/// and binds to the queue, then one of the first two gets SIGTERM while it grades a sample and shuts down
/// gracefully (its in-flight sample finishes or goes back to the queue). The run ends with the official verdicts,
/// every sample scored once, nothing parked.
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class ExecutorChurnTests(ITestOutputHelper log)
{
    private static readonly DatasetSelection Selection = new() { Release = "release_latest", Limit = 60 };

    /// <summary>The run's samples: one per problem (ClusterRun's n).</summary>
    private const int Samples = 60;

    [Fact]
    public async Task An_executor_joining_and_one_leaving_mid_run_change_nothing_in_the_result()
    {
        await using var cluster = await PipelineCluster.StartAsync(new ClusterOptions());
        var leaving = cluster.Process("executor-1");
        int? exitCode = null;
        var run = await ClusterRun.EvaluateAsync(cluster, Selection, async (_, trace, cancellationToken) =>
        {
            await trace.WaitForGradedAsync(8, cancellationToken);
            var joined = cluster.StartExecutor();
            await ConsumerBindings.WaitAsync(cluster, executors: 3, TimeSpan.FromMinutes(2));
            log.WriteLine($"{joined.Name} joined at {trace.LastGraded} samples graded");

            // A fast machine may grade the whole run while the third Executor binds: never wait past the last sample.
            await trace.WaitForGradedAsync(Math.Min(trace.LastGraded + 5, Samples), cancellationToken);
            // On a quiet machine the last samples go by faster than this poll: after 30 s it leaves anyway,
            // rather than waiting for a sample that never comes once the run is complete.
            var looking = System.Diagnostics.Stopwatch.StartNew();
            var grading = false;
            while (!(grading = ProcessTree.IsGrading(leaving.Id)) && looking.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20, cancellationToken);
            }
            leaving.Terminate();
            log.WriteLine($"SIGTERM to {leaving.Name} ({(grading ? "while it graded a sample" : "not seen grading within 30 s")}), {trace.LastGraded} samples graded");
            exitCode = await leaving.WaitForExitAsync(TimeSpan.FromSeconds(60));
            log.WriteLine($"{leaving.Name} exited with {exitCode?.ToString() ?? "nothing (still running after 60 s)"} at {trace.LastGraded} samples graded");
        });
        Assert.True(exitCode == 0, $"the leaving Executor did not shut down cleanly (exit {exitCode})\n{leaving.Output()}");
        await OfficialScore.AssertAsync(cluster, Selection, run, log);
    }
}
