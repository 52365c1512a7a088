namespace Pipeline.Runs.Views;

/// <summary>One checkpoint on the checkpoints chart: its run, its step, pass@1 with a 95% interval, and per difficulty.</summary>
public sealed record CheckpointPoint
{
    public required Guid RunId { get; init; }
    public required string Model { get; init; }
    /// <summary>The pattern's first capture group as a number, else the run's start time in Unix seconds.</summary>
    public required double Step { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required ScoreInterval Overall { get; init; }
    public required IReadOnlyDictionary<string, double> ByDifficulty { get; init; }
    /// <summary>Significantly below the best earlier checkpoint: the paired bootstrap interval of the difference lies below zero.</summary>
    public required bool Regression { get; init; }
}
