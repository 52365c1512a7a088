namespace Pipeline.Contracts;

/// <summary>Event: Ingest resolved the run's problems; the Scorer now knows how many samples to expect.</summary>
public sealed record EvaluationStarted
{
    public required Guid RunId { get; init; }
    public required string Model { get; init; }
    /// <summary>The run's problems with their difficulty, platform and contest date, so the Scorer reads no problem store.</summary>
    public required IReadOnlyList<RunProblem> Problems { get; init; }
    public required int SamplesPerProblem { get; init; }
    public required IReadOnlyList<int> Ks { get; init; }
    /// <summary>The command that started the run, kept with the run so that it can be extended or repeated; null from older publishers.</summary>
    public StartEvaluation? Request { get; init; }
}
