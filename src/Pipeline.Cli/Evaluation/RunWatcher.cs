using System.Diagnostics;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Spectre.Console;
using StackExchange.Redis;

namespace Pipeline.Cli.Evaluation;

/// <summary>Follows a run in the run store with a live progress bar (samples scored, rate, provisional pass@1) until it completes.</summary>
internal static class RunWatcher
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<RunProgress> WaitAsync(IRunStore store, Guid runId, IAnsiConsole console, CancellationToken cancellationToken)
    {
        RunProgress? last = null;
        var clock = Stopwatch.StartNew();
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("waiting for the run to start", maxValue: 1);
                while (last is not { IsCompleted: true })
                {
                    try
                    {
                        last = await ReadAsync(store, runId, cancellationToken);
                    }
                    catch (Exception error) when (error is RedisException or TimeoutException)
                    {
                        // A restarting Redis is a pause in the run, not its end: keep watching, the services carry on.
                        task.Description = Markup.Escape($"run store unreachable ({error.GetType().Name}), still waiting");
                        await Task.Delay(PollInterval, cancellationToken);
                        continue;
                    }
                    if (last is not null)
                    {
                        task.MaxValue = Math.Max(1, last.Run.TotalSamples);
                        task.Value = last.SamplesGraded;
                        task.Description = Describe(last, clock.Elapsed);
                    }
                    if (last is not { IsCompleted: true })
                    {
                        await Task.Delay(PollInterval, cancellationToken);
                    }
                }
                task.StopTask();
            });
        return last!;
    }

    private static async Task<RunProgress?> ReadAsync(IRunStore store, Guid runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(runId, cancellationToken);
        if (run is null)
        {
            return null;
        }
        // The report first: counts read after it are final, so a completed run never shows a stale count.
        var report = await store.GetReportAsync(runId, cancellationToken);
        var counts = await store.GetCountsAsync(runId, cancellationToken);
        return RunProgress.Of(run, counts, report);
    }

    private static string Describe(RunProgress progress, TimeSpan elapsed)
    {
        var rate = progress.SamplesGraded / Math.Max(elapsed.TotalSeconds, 0.001);
        var pass = progress.ProvisionalPassAt1 is { } p ? $"{p * 100:F1}%" : "-";
        return Markup.Escape(
            $"{progress.SamplesGraded}/{progress.Run.TotalSamples} samples, {progress.ProblemsComplete}/{progress.Run.Problems.Count} problems, {rate:F1}/s, pass@1 so far {pass}");
    }
}
