namespace Pipeline.Runs.Views;

/// <summary>The rows of one page and how many rows the filter matched in all.</summary>
public sealed record ProblemPage
{
    public required int Total { get; init; }
    public required int Offset { get; init; }
    public required IReadOnlyList<ProblemRow> Rows { get; init; }
}
