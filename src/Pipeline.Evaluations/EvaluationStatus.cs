using Pipeline.Runs.Scoring;

namespace Pipeline.Evaluations;

/// <summary>Where a run stands: queued (started here, not yet registered by the Scorer), running or completed.</summary>
public sealed record EvaluationStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";

    public required Guid RunId { get; init; }
    public required string Model { get; init; }
    public required string State { get; init; }
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
    /// <summary>The final scores, once the run is completed (in the detail view only).</summary>
    public RunReport? Report { get; init; }

    /// <summary>When it began, for ordering: requested here, else registered by the Scorer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset Since => RequestedAt ?? StartedAt ?? DateTimeOffset.MinValue;
}
