using Pipeline.Contracts;

namespace Pipeline.Evaluations;

/// <summary>An evaluation this host started (API or watcher), remembered so it shows as queued until the Scorer registers it.</summary>
public sealed record RequestedEvaluation
{
    public required StartEvaluation Start { get; init; }
    /// <summary>"api" or "watch".</summary>
    public required string Source { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }

    public Guid RunId => Start.RunId;
}
