using Pipeline.Runs;

namespace Pipeline.Runs.Scoring;

/// <summary>
/// Where a run stands, read once from the run store: its progress and report, or the failed start of a run that never
/// registered (neither: not registered yet). The one reader behind `lcb status`, `lcb eval --wait`, the API and its events.
/// </summary>
public sealed record RunSnapshot(RunProgress? Progress, RunReport? Report, FailedStart? FailedStart)
{
    /// <summary>Nothing more will happen without someone acting: completed, failed to start, or stalled on parked work.</summary>
    public bool HasEnded => FailedStart is not null || Progress is { IsCompleted: true } or { IsStalled: true };

    public static async Task<RunSnapshot> ReadAsync(IRunStore store, Guid runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(runId, cancellationToken);
        return run is null
            ? new RunSnapshot(null, null, await store.GetFailedStartAsync(runId, cancellationToken))
            : await ReadAsync(store, run, cancellationToken);
    }

    /// <summary>A run known to be registered (as the run list gives it).</summary>
    public static async Task<RunSnapshot> ReadAsync(IRunStore store, RunRegistration run, CancellationToken cancellationToken)
    {
        // The report first: counts read after it are final, so a completed run never shows a stale count.
        var report = await store.GetReportAsync(run.RunId, cancellationToken);
        var progress = RunProgress.Of(run, await store.GetCountsAsync(run.RunId, cancellationToken), report,
            await store.GetParkedAsync(run.RunId, cancellationToken));
        return new RunSnapshot(progress, report, null);
    }
}
