namespace Pipeline.Generation.Cache;

/// <summary>A model answer as it was first received, with its usage and latency.</summary>
public sealed record CachedSample
{
    public required string Text { get; init; }
    public string? Issue { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double LatencyMs { get; init; }
}
