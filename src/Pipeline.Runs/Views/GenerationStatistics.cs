namespace Pipeline.Runs.Views;

/// <summary>
/// What the model produced in a run: tokens, latency, answers with no usable code and why (the Generator's issue:
/// empty, truncated, …), from the totals the run store keeps. Samples recorded before tokens were kept count as 0 tokens.
/// </summary>
public sealed record GenerationStatistics
{
    public required int Samples { get; init; }
    public required double MeanPromptTokens { get; init; }
    public required double MeanCompletionTokens { get; init; }
    public required int MaxCompletionTokens { get; init; }
    public required double MeanLatencyMs { get; init; }
    public required double P95LatencyMs { get; init; }
    public required int NoCodeExtracted { get; init; }
    public required IReadOnlyDictionary<string, int> Issues { get; init; }
    public required double MeanGradingMs { get; init; }
    public required int ReusedVerdicts { get; init; }

    /// <param name="p95LatencyMs">the latency at rank ceil(0.95 n) of the n samples' latencies in ascending order (<see cref="P95Rank"/>)</param>
    public static GenerationStatistics Of(GenerationTotals totals, double p95LatencyMs) => new()
    {
        Samples = totals.Samples,
        MeanPromptTokens = Mean(totals.PromptTokens, totals.Samples),
        MeanCompletionTokens = Mean(totals.CompletionTokens, totals.Samples),
        MaxCompletionTokens = totals.MaxCompletionTokens,
        MeanLatencyMs = Mean(totals.LatencyMs, totals.Samples),
        P95LatencyMs = totals.Samples == 0 ? 0 : p95LatencyMs,
        NoCodeExtracted = totals.NoCodeExtracted,
        Issues = totals.Issues,
        MeanGradingMs = Mean(totals.GradingMs, totals.Samples),
        ReusedVerdicts = totals.ReusedVerdicts,
    };

    /// <summary>From the samples themselves: runs recorded before the totals were kept.</summary>
    public static GenerationStatistics Of(IReadOnlyCollection<SampleVerdict> samples)
    {
        var latencies = samples.Select(s => s.LatencyMs).Order().ToList();
        return Of(GenerationTotals.Of(samples), latencies.Count == 0 ? 0 : latencies[P95Rank(latencies.Count)]);
    }

    /// <summary>Zero-based rank of the 95th percentile (nearest rank) among <paramref name="samples"/> ascending latencies.</summary>
    public static int P95Rank(int samples) => (int)Math.Ceiling(0.95 * samples) - 1;

    private static double Mean(double sum, int count) => count == 0 ? 0 : sum / count;
}
