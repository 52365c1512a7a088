namespace Pipeline.Generation.Cache;

/// <summary>A model answer as it was first received, with its usage and latency.</summary>
public sealed record CachedSample
{
    public required string Text { get; init; }
    public string? Issue { get; init; }
    /// <summary>A reasoning model's separate reasoning_content, kept with the answer, never extracted from.</summary>
    public string? Reasoning { get; init; }
    /// <summary>The server stopped at the token limit (finish_reason "length").</summary>
    public bool Truncated { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double LatencyMs { get; init; }
}
