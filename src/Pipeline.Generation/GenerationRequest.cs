using Pipeline.Contracts;
using Pipeline.Generation.Prompts;

namespace Pipeline.Generation;

/// <summary>Everything needed to sample one problem: where, which model, the prompt and the sampling parameters.</summary>
public sealed record GenerationRequest
{
    public required string BaseUrl { get; init; }
    public required string Model { get; init; }
    public required ModelPrompt Prompt { get; init; }
    public required SamplingSettings Sampling { get; init; }
    /// <summary>Takes the scenario's answer out of a reply (official extraction); null: code generation's code extraction.</summary>
    public Func<string, string>? Extract { get; init; }
}
