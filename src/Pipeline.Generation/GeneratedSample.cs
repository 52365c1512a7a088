namespace Pipeline.Generation;

/// <summary>One sample: the raw answer, the code extracted from it, and what it cost. Issue set means no usable answer.</summary>
public sealed record GeneratedSample
{
    public required int SampleIndex { get; init; }
    public required string RawOutput { get; init; }
    public required string Code { get; init; }
    public string? Issue { get; init; }
    public string? Reasoning { get; init; }
    public bool Truncated { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double LatencyMs { get; init; }
    public bool FromCache { get; init; }
}
