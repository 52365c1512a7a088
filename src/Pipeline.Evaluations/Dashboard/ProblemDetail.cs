using Pipeline.Generation.Prompts;
using Pipeline.Runs;
using Pipeline.Runs.Views;

namespace Pipeline.Evaluations.Dashboard;

/// <summary>A problem of a run opened: its row, the prompt the model was sent (when the problem is still stored), and its samples.</summary>
public sealed record ProblemDetail
{
    public required ProblemRow Problem { get; init; }
    public required string? Title { get; init; }
    /// <summary>null when the problem is no longer in the problem store (its samples stay readable).</summary>
    public required ModelPrompt? Prompt { get; init; }
    public required IReadOnlyList<SampleVerdict> Samples { get; init; }
}
