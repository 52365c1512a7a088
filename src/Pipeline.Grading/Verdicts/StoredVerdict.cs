namespace Pipeline.Grading.Verdicts;

/// <summary>A real verdict as the sandbox returned it (never a fault of ours), with the time its grading took.</summary>
public sealed record StoredVerdict
{
    public required IReadOnlyList<int> Results { get; init; }
    public required bool Passed { get; init; }
    public required string MetadataJson { get; init; }
    public double GradingMs { get; init; }
}
