namespace Pipeline.Contracts;

/// <summary>Command: ask the model for N samples of one problem. The tests stay in the suite store.</summary>
public sealed record GenerateSolutions
{
    public required Guid RunId { get; init; }
    public required string ProblemId { get; init; }
    public required string SuiteHash { get; init; }
    public required string Model { get; init; }
    public required string BaseUrl { get; init; }
    public required string PromptStyle { get; init; }
    /// <summary>Which official prompt and extraction: the run's scenario name (StartEvaluation.Scenario) and its cot flag.</summary>
    public string Scenario { get; init; } = "codegeneration";
    public bool Cot { get; init; }
    public required SamplingSettings Sampling { get; init; }
    public required double TimeoutSeconds { get; init; }
}
