namespace Pipeline.Cli.Errors;

/// <summary>
/// One message parked in an _error queue, as far as it can be read: its business key from the MassTransit
/// envelope (absent when the body is not our JSON) and the reason MassTransit wrote in its headers.
/// </summary>
public sealed record ParkedMessage
{
    /// <summary>The queue the message failed on (the _error queue's name without the suffix).</summary>
    public required string Queue { get; init; }
    public required string? MessageType { get; init; }
    public required Guid? RunId { get; init; }
    public required string? ProblemId { get; init; }
    /// <summary>The sample indexes the message carries: "3", or "0-9" for a message of a problem's ten samples; null for none.</summary>
    public required string? Samples { get; init; }
    /// <summary>Exception type and message, e.g. "ProblemNotFoundException: problem 'x' is not in the problem store".</summary>
    public required string Reason { get; init; }
    /// <summary>How often the consumer retried before parking it: 0 for a fault no retry can cure.</summary>
    public required int? Retries { get; init; }
}
