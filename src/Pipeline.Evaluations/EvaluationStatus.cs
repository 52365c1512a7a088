using Pipeline.Runs;
using Pipeline.Runs.Scoring;

namespace Pipeline.Evaluations;

/// <summary>
/// Where a run stands: queued (started here, not yet registered by the Scorer), running, stalled (nothing left in
/// flight, the rest parked), completed, or failed (Ingest refused to start it).
/// </summary>
public sealed record EvaluationStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Stalled = "stalled";
    public const string Failed = "failed";

    public required Guid RunId { get; init; }
    public required string Model { get; init; }
    public required string State { get; init; }
    /// <summary>The scenario evaluated ("codegeneration", "codeexecution (cot)", …).</summary>
    public string Scenario { get; init; } = "codegeneration";
    public string? BaseUrl { get; init; }
    /// <summary>Who started it here ("api" or "watch"); null for runs started elsewhere (lcb eval).</summary>
    public string? Source { get; init; }
    public DateTimeOffset? RequestedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public int? Problems { get; init; }
    public int ProblemsComplete { get; init; }
    public long SamplesGraded { get; init; }
    public int? TotalSamples { get; init; }
    public double? ProvisionalPassAt1 { get; init; }
    public long SamplesParked { get; init; }
    /// <summary>What went wrong and what to do next: the parked work's reasons, or why the start failed; null when all is well.</summary>
    public string? Problem { get; init; }
    /// <summary>The parked work itself (in the detail view only).</summary>
    public IReadOnlyList<ParkedWork> Parked { get; init; } = [];
    /// <summary>The final scores, once the run is completed (in the detail view only).</summary>
    public RunReport? Report { get; init; }

    /// <summary>When it began, for ordering: requested here, else registered by the Scorer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset Since => RequestedAt ?? StartedAt ?? DateTimeOffset.MinValue;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFinal => State is Completed or Failed;
}
