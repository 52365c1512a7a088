namespace Pipeline.Runs;

/// <summary>A run Ingest refused to start (a selection it cannot read, a dataset error): kept so the run never just vanishes.</summary>
public sealed record FailedStart
{
    public required Guid RunId { get; init; }
    public required string Model { get; init; }
    public required string BaseUrl { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset FailedAt { get; init; }
}
