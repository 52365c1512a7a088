namespace Pipeline.Grading.Sandbox;

/// <summary>
/// What a sandbox returns: either the harness's verdict (<see cref="Results"/> in the official codes,
/// 1 = true, 0 = false, -1..-4, and the official metadata as JSON text), or a <see cref="Fault"/> of
/// ours (the worker died, the sandbox could not start) that says the sample must be retried, not scored.
/// </summary>
public sealed record SandboxOutcome
{
    public IReadOnlyList<int> Results { get; init; } = [];
    public string MetadataJson { get; init; } = "{}";
    public string? Fault { get; init; }
    public TimeSpan Elapsed { get; init; }

    /// <summary>The fault came before any grading: no worker could be started (the sample is not to blame).</summary>
    public bool StartFailed { get; init; }

    /// <summary>
    /// A verdict of the grader's making (SampleGrader), not the harness's: grading this sample
    /// faulted on every attempt (docs/decisions/016). It is scored as failed but never stored for reuse.
    /// </summary>
    public bool GradingFailed { get; init; }

    public bool IsFault => Fault is not null;
    public bool Passed => !IsFault && !GradingFailed && Results.Count > 0 && Results.All(r => r > 0);

    public static SandboxOutcome Faulted(string reason, TimeSpan elapsed, bool startFailed = false) =>
        new() { Fault = reason, Elapsed = elapsed, StartFailed = startFailed };
}
