namespace Pipeline.Runs.Views;

/// <summary>
/// What the model produced in a run, from the stored samples: tokens, latency, answers with no usable code and
/// why (the Generator's issue: empty, truncated, …). Samples recorded before tokens were kept count as 0 tokens.
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

    public static GenerationStatistics Of(IReadOnlyCollection<SampleVerdict> samples)
    {
        var latencies = samples.Select(s => s.LatencyMs).Order().ToList();
        return new GenerationStatistics
        {
            Samples = samples.Count,
            MeanPromptTokens = Mean(samples.Select(s => (double)s.PromptTokens)),
            MeanCompletionTokens = Mean(samples.Select(s => (double)s.CompletionTokens)),
            MaxCompletionTokens = samples.Count == 0 ? 0 : samples.Max(s => s.CompletionTokens),
            MeanLatencyMs = Mean(latencies),
            P95LatencyMs = latencies.Count == 0 ? 0 : latencies[(int)Math.Ceiling(0.95 * latencies.Count) - 1],
            NoCodeExtracted = samples.Count(s => string.IsNullOrWhiteSpace(s.Code)),
            Issues = samples.Where(s => s.GenerationIssue is not null).GroupBy(s => s.GenerationIssue!).ToDictionary(g => g.Key, g => g.Count()),
            MeanGradingMs = Mean(samples.Select(s => s.GradingMs)),
            ReusedVerdicts = samples.Count(s => s.Reused),
        };
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }
}
