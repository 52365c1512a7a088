using System.Diagnostics;
using Pipeline.Cli.Commands;
using Pipeline.Contracts;
using Spectre.Console;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// One `lcb eval --wait` on a running pipeline (<see cref="IEvaluatedPipeline"/>) (one sample per problem), with a side task run beside it
/// (the fault) and a <see cref="RunTrace"/> of its progress. Fails fast when a message is parked in an _error queue:
/// the run could not complete then.
/// </summary>
public static class ClusterRun
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    public sealed record Outcome(Guid RunId, string Output, RunTrace Trace, TimeSpan Elapsed);

    /// <param name="whileRunning">the fault, given the run id and its trace; awaited before the run's results are read.</param>
    public static async Task<Outcome> EvaluateAsync(
        IEvaluatedPipeline cluster, DatasetSelection selection, Func<Guid, RunTrace, CancellationToken, Task>? whileRunning = null,
        Func<StartEvaluation, StartEvaluation>? adjust = null)
    {
        var console = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        var start = new StartEvaluation
        {
            RunId = Guid.NewGuid(),
            Model = PipelineCluster.Model,
            BaseUrl = cluster.ModelBaseUrl,
            Selection = selection,
            Sampling = new SamplingSettings { N = 1 },
            Ks = [1],
        };
        start = adjust?.Invoke(start) ?? start;
        var clock = Stopwatch.StartNew();
        var trace = new RunTrace();
        using var timeout = new CancellationTokenSource(RunTimeout);
        using var following = new CancellationTokenSource();
        string? parked = null;
        var watchdog = WatchErrorQueuesAsync(cluster, listing =>
        {
            parked = listing;
            timeout.Cancel();
        }, timeout.Token);
        var tracing = trace.FollowAsync(cluster.Store, start.RunId, following.Token);
        var evaluation = EvalCommand.ExecuteAsync(start, cluster.BusConfiguration(), cluster.Store, ansi, timeout.Token);
        var fault = whileRunning?.Invoke(start.RunId, trace, timeout.Token) ?? Task.CompletedTask;
        try
        {
            var exitCode = await evaluation;
            await fault;
            Assert.True(exitCode == 0, console + await cluster.OutputAsync());
        }
        catch (OperationCanceledException)
        {
            var why = parked is null ? $"the run did not complete within {RunTimeout}" : $"a message was parked, the run cannot complete:\n{parked}";
            Assert.Fail($"{why}\n{console}\nlast graded count {trace.LastGraded}\n{await cluster.OutputAsync()}");
        }
        finally
        {
            await following.CancelAsync();
            await tracing;
            await timeout.CancelAsync();
            await watchdog;
        }
        return new Outcome(start.RunId, console.ToString(), trace, clock.Elapsed);
    }

    /// <summary>Calls <paramref name="found"/> with the parked counts when a message lands in an _error queue.</summary>
    private static async Task WatchErrorQueuesAsync(IEvaluatedPipeline cluster, Action<string> found, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                IReadOnlyDictionary<string, long> messages;
                try
                {
                    messages = await cluster.QueuesAsync("messages");
                }
                catch (InvalidOperationException)
                {
                    continue; // the broker is down: a fault test restarting it, or killing its container
                }
                var parked = messages.Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal) && q.Value > 0).ToList();
                if (parked.Count > 0)
                {
                    found(string.Join(", ", parked.Select(q => $"{q.Key}: {q.Value}")));
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run ended
        }
    }
}
