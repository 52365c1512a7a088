using Pipeline.Contracts;

namespace Pipeline.Evaluations.Watching;

/// <summary>One look at the model server: the runs it started and what went wrong (server down, a run that could not start).</summary>
public sealed record PollOutcome
{
    public IReadOnlyList<StartEvaluation> Started { get; init; } = [];
    public IReadOnlyList<string> Problems { get; init; } = [];
}
