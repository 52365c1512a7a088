namespace Pipeline.Contracts;

/// <summary>Command: evaluate one model (checkpoint) on a selection of LCB problems.</summary>
public sealed record StartEvaluation
{
    public required Guid RunId { get; init; }
    public required string Model { get; init; }
    public required string BaseUrl { get; init; }
    public required DatasetSelection Selection { get; init; }
    /// <summary>The official scenario name: codegeneration, selfrepair, testoutputprediction or codeexecution.</summary>
    public string Scenario { get; init; } = "codegeneration";
    /// <summary>Code execution with the official chain-of-thought prompt and extraction (the runner's --cot_code_execution).</summary>
    public bool Cot { get; init; }
    /// <summary>Self-repair only: the code-generation run it repairs (Sampling.N is that run's samples per problem).</summary>
    public CodegenSource? Codegen { get; init; }
    public string PromptStyle { get; init; } = "OpenAIChat";
    public SamplingSettings Sampling { get; init; } = new();
    public double TimeoutSeconds { get; init; } = 6;
    public IReadOnlyList<int> Ks { get; init; } = [1, 5, 10];
    /// <summary>The run this one extends to a new selection (`lcb eval --extend`), with that run's model and settings; null for a fresh run.</summary>
    public Guid? Extends { get; init; }
}
