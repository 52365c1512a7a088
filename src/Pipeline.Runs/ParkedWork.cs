namespace Pipeline.Runs;

/// <summary>
/// Work of a run that a service gave up on and parked in its _error queue: a whole problem's generation
/// (<see cref="SampleIndex"/> null, <see cref="Samples"/> = n) or one sample's grading. It stays until a verdict of
/// that problem or sample arrives (after `lcb replay`).
/// </summary>
public sealed record ParkedWork
{
    public const string Generation = "generation";
    public const string Grading = "grading";

    public required string ProblemId { get; init; }
    public int? SampleIndex { get; init; }
    public required int Samples { get; init; }
    /// <summary><see cref="Generation"/> or <see cref="Grading"/>.</summary>
    public required string Stage { get; init; }
    /// <summary>Exception type and message, e.g. "ModelServerRejectedException: model server answered 400 …".</summary>
    public required string Reason { get; init; }

    /// <summary>The run store's field: one per problem for generation, one per sample for grading.</summary>
    public string Field => SampleIndex is { } index ? RedisRunKeys.SampleField(ProblemId, index) : ProblemId;
}
