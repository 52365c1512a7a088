namespace Pipeline.Contracts;

/// <summary>
/// The official verdict of one sample, carried in <see cref="SolutionsGraded"/>. <see cref="Results"/> holds one entry per test run,
/// in the official runner's codes: 1 = true, 0 = false, -1 whole-sample timeout, -2 wrong answer,
/// -3 time limit, -4 runtime or compile error.
/// </summary>
public sealed record SolutionGraded
{
    public required Guid RunId { get; init; }
    public required string ProblemId { get; init; }
    public required int SampleIndex { get; init; }
    public required IReadOnlyList<int> Results { get; init; }
    public required bool Passed { get; init; }
    /// <summary>The official metadata object, as JSON text.</summary>
    public required string MetadataJson { get; init; }
    public string Code { get; init; } = "";
    /// <summary>The model's whole answer the code was extracted from (official output_list), carried for exports.</summary>
    public string RawOutput { get; init; } = "";
    public double GradingMs { get; init; }
    /// <summary>The verdict came from the Executor's verdict store (the same code graded on the same suite before), not a fresh grade.</summary>
    public bool Reused { get; init; }
    /// <summary>Carried from SolutionGenerated so the Scorer keeps what the dashboard's generation statistics show.</summary>
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double LatencyMs { get; init; }
    /// <summary>Carried from SolutionGenerated: the answer was cut at the token limit.</summary>
    public bool Truncated { get; init; }
    /// <summary>Carried from SolutionGenerated: why the model gave no usable answer (graded as failing); null when it answered.</summary>
    public string? GenerationIssue { get; init; }
    public string? ReasoningContent { get; init; }
}
