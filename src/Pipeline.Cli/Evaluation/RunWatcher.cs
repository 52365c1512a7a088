using System.Diagnostics;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Spectre.Console;
using StackExchange.Redis;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// Follows a run in the run store with a live progress bar (samples scored, rate, provisional pass@1, parked) until it
/// completes, stalls (everything not graded is parked) or turns out to have failed at the start.
/// </summary>
internal static class RunWatcher
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Where the wait ended: the run's last progress (null if it never registered), and its failed start if it had one.</summary>
    public sealed record Outcome(RunProgress? Progress, FailedStart? FailedStart);

    public static async Task<Outcome> WaitAsync(IRunStore store, Guid runId, IAnsiConsole console, CancellationToken cancellationToken)
    {
        RunProgress? last = null;
        FailedStart? failed = null;
        var clock = Stopwatch.StartNew();
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("waiting for the run to start", maxValue: 1);
                while (!Ended(last, failed))
                {
                    try
                    {
                        last = await ReadAsync(store, runId, cancellationToken);
                        failed = last is null ? await store.GetFailedStartAsync(runId, cancellationToken) : null;
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
                    if (!Ended(last, failed))
                    {
                        await Task.Delay(PollInterval, cancellationToken);
                    }
                }
                task.StopTask();
            });
        return new Outcome(last, failed);
    }

    private static bool Ended(RunProgress? progress, FailedStart? failed) =>
        failed is not null || progress is { IsCompleted: true } or { IsStalled: true };

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
        return RunProgress.Of(run, counts, report, await store.GetParkedAsync(runId, cancellationToken));
    }

    private static string Describe(RunProgress progress, TimeSpan elapsed)
    {
        var rate = progress.SamplesGraded / Math.Max(elapsed.TotalSeconds, 0.001);
        var pass = progress.ProvisionalPassAt1 is { } p ? $"{p * 100:F1}%" : "-";
        var parked = progress.SamplesParked > 0 ? $", {progress.SamplesParked} parked" : "";
        return Markup.Escape(
            $"{progress.SamplesGraded}/{progress.Run.TotalSamples} samples{parked}, {progress.ProblemsComplete}/{progress.Run.Problems.Count} problems, {rate:F1}/s, pass@1 so far {pass}");
    }
}
