using Pipeline.Runs.Comparison;
using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Views;

/// <summary>Two runs side by side: the paired bootstrap rows of `lcb compare` and the problems that flipped.</summary>
public sealed record RunComparisonView
{
    public required Guid RunA { get; init; }
    public required string ModelA { get; init; }
    public required Guid RunB { get; init; }
    public required string ModelB { get; init; }
    public required IReadOnlyList<ComparisonRow> Rows { get; init; }
    public required FlippedProblems Flipped { get; init; }

    public static RunComparisonView Of(RunRegistration a, IReadOnlyList<ScoredProblem> problemsA, RunRegistration b, IReadOnlyList<ScoredProblem> problemsB) => new()
    {
        RunA = a.RunId,
        ModelA = a.Model,
        RunB = b.RunId,
        ModelB = b.Model,
        Rows = RunComparison.Compare(problemsA, problemsB),
        Flipped = FlippedProblems.Between(problemsA, problemsB),
    };
}
