using Pipeline.Contracts;

namespace Pipeline.Runs;

/// <summary>One graded sample as stored: the official verdict, per-test results and metadata, and the code graded.</summary>
public sealed record SampleVerdict
{
    public required string ProblemId { get; init; }
    public required int SampleIndex { get; init; }
    public required bool Passed { get; init; }
    public required IReadOnlyList<int> Results { get; init; }
    public required string MetadataJson { get; init; }
    public string Code { get; init; } = "";
    public string RawOutput { get; init; } = "";
    public double GradingMs { get; init; }
    /// <summary>The Executor answered from its verdict store instead of grading.</summary>
    public bool Reused { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double LatencyMs { get; init; }
    /// <summary>The model's answer was cut at the token limit.</summary>
    public bool Truncated { get; init; }
    /// <summary>Why the model gave no usable answer (empty, unparseable, missing choice), so "no answer" is told from "wrong answer".</summary>
    public string? GenerationIssue { get; init; }
    public string? ReasoningContent { get; init; }

    /// <summary>Graded with no result at all: a code-execution answer skipped because it contains the call (official quirk).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Skipped => Results.Count == 0;

    public static SampleVerdict From(SolutionGraded graded) => new()
    {
        ProblemId = graded.ProblemId,
        SampleIndex = graded.SampleIndex,
        Passed = graded.Passed,
        Results = graded.Results,
        MetadataJson = graded.MetadataJson,
        Code = graded.Code,
        RawOutput = graded.RawOutput,
        GradingMs = graded.GradingMs,
        Reused = graded.Reused,
        PromptTokens = graded.PromptTokens,
        CompletionTokens = graded.CompletionTokens,
        LatencyMs = graded.LatencyMs,
        Truncated = graded.Truncated,
        GenerationIssue = graded.GenerationIssue,
        ReasoningContent = graded.ReasoningContent,
    };
}
