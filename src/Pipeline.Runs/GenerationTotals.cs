namespace Pipeline.Runs;

/// <summary>
/// What the model produced in a run, as sums kept while verdicts are recorded (once per sample, with the verdict), so
/// the dashboard's generation statistics never read the stored samples. The 95th latency percentile is not a sum: each
/// store keeps the latencies ranked beside these totals.
/// </summary>
public sealed record GenerationTotals
{
    public static readonly GenerationTotals None = new()
    {
        Samples = 0, PromptTokens = 0, CompletionTokens = 0, MaxCompletionTokens = 0, LatencyMs = 0, GradingMs = 0,
        NoCodeExtracted = 0, ReusedVerdicts = 0, Issues = new Dictionary<string, int>(),
    };

    public required int Samples { get; init; }
    public required long PromptTokens { get; init; }
    public required long CompletionTokens { get; init; }
    public required int MaxCompletionTokens { get; init; }
    public required double LatencyMs { get; init; }
    public required double GradingMs { get; init; }
    public required int NoCodeExtracted { get; init; }
    public required int ReusedVerdicts { get; init; }
    /// <summary>Samples by the Generator's issue (empty, truncated, …).</summary>
    public required IReadOnlyDictionary<string, int> Issues { get; init; }

    /// <summary>The totals with one more sample.</summary>
    public GenerationTotals Plus(SampleVerdict sample) => new()
    {
        Samples = Samples + 1,
        PromptTokens = PromptTokens + sample.PromptTokens,
        CompletionTokens = CompletionTokens + sample.CompletionTokens,
        MaxCompletionTokens = Samples == 0 ? sample.CompletionTokens : Math.Max(MaxCompletionTokens, sample.CompletionTokens),
        LatencyMs = LatencyMs + sample.LatencyMs,
        GradingMs = GradingMs + sample.GradingMs,
        NoCodeExtracted = NoCodeExtracted + (HasNoCode(sample) ? 1 : 0),
        ReusedVerdicts = ReusedVerdicts + (sample.Reused ? 1 : 0),
        Issues = sample.GenerationIssue is { } issue
            ? new Dictionary<string, int>(Issues) { [issue] = Issues.GetValueOrDefault(issue) + 1 }
            : Issues,
    };

    public static GenerationTotals Of(IEnumerable<SampleVerdict> samples) => samples.Aggregate(None, (totals, sample) => totals.Plus(sample));

    public static bool HasNoCode(SampleVerdict sample) => string.IsNullOrWhiteSpace(sample.Code);
}
