namespace Pipeline.Contracts;

/// <summary>One sample's code, ready to grade against the suite named by its hash; carried in <see cref="SolutionsGenerated"/>.</summary>
public sealed record SolutionGenerated
{
    public required Guid RunId { get; init; }
    public required string ProblemId { get; init; }
    public required int SampleIndex { get; init; }
    public required string SuiteHash { get; init; }
    public required string Code { get; init; }
    public required double TimeoutSeconds { get; init; }
    public string RawOutput { get; init; } = "";
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double LatencyMs { get; init; }
    /// <summary>Why there is no usable answer (empty, unparseable, missing choice); null for a real answer.</summary>
    public string? GenerationIssue { get; init; }
    /// <summary>A reasoning model's separate reasoning_content (kept for exports; code is never extracted from it).</summary>
    public string? ReasoningContent { get; init; }
    /// <summary>The server stopped this answer at the token limit (finish_reason "length").</summary>
    public bool Truncated { get; init; }
}
