namespace Pipeline.Core.Problems;

/// <summary>An LCB problem's fields as released, without its tests (those live in the suite store).</summary>
public sealed record Problem
{
    public required string QuestionId { get; init; }
    public required string QuestionTitle { get; init; }
    public required string QuestionContent { get; init; }
    public required string Platform { get; init; }
    public required string ContestId { get; init; }
    public required DateTime ContestDate { get; init; }
    public required string StarterCode { get; init; }
    public required string Difficulty { get; init; }
    /// <summary>The metadata field as released (JSON text).</summary>
    public required string Metadata { get; init; }
    public string? FuncName { get; init; }
    public required string SuiteHash { get; init; }
    public required int PublicTests { get; init; }
    public required int PrivateTests { get; init; }
    /// <summary>The official scenario whose dataset the row comes from (codegeneration for code_generation_lite).</summary>
    public string Scenario { get; init; } = "codegeneration";
    /// <summary>
    /// The dataset row as released, JSON text, for scenarios whose prompts and official files need fields beyond
    /// the common ones (test output prediction's test and test_id, code execution's code, input, id …); null for code generation.
    /// </summary>
    public string? Row { get; init; }
}
