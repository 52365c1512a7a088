namespace Pipeline.Runs.Comparison;

/// <summary>pass@1 of two runs over the problems both scored, B − A, and the bootstrap 95% interval of that difference.</summary>
public sealed record ComparisonRow
{
    public required string Group { get; init; }
    public required int Problems { get; init; }
    public required double PassAt1A { get; init; }
    public required double PassAt1B { get; init; }
    public double Difference => PassAt1B - PassAt1A;
    public required double Low { get; init; }
    public required double High { get; init; }
}
