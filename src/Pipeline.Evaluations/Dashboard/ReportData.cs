using Pipeline.Runs.Views;

namespace Pipeline.Evaluations.Dashboard;

/// <summary>What a report holds: each run's summary, problem rows and generation statistics, and the checkpoints view when there are several.</summary>
public sealed record ReportData
{
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<ReportRun> Runs { get; init; }
    public required IReadOnlyList<CheckpointPoint> Checkpoints { get; init; }
}

public sealed record ReportRun
{
    public required EvaluationStatus Status { get; init; }
    public required RunSummary Summary { get; init; }
    public required IReadOnlyList<ProblemRow> Problems { get; init; }
    public required GenerationStatistics Generation { get; init; }
}
