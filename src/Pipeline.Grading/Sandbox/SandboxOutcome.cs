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

    public bool IsFault => Fault is not null;
    public bool Passed => !IsFault && Results.Count > 0 && Results.All(r => r > 0);

    public static SandboxOutcome Faulted(string reason, TimeSpan elapsed) => new() { Fault = reason, Elapsed = elapsed };
}
