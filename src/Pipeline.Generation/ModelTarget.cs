using Pipeline.Contracts;
using Pipeline.Generation.Prompts;

namespace Pipeline.Generation;

/// <summary>What a run asks and how: the server, the model, the sampling, and the run's own server settings (key, timeout, extra body).</summary>
public sealed record ModelTarget
{
    public required string BaseUrl { get; init; }
    public required string Model { get; init; }
    public required SamplingSettings Sampling { get; init; }
    public ModelServerSettings ModelServer { get; init; } = new();

    /// <summary>The target a GenerateSolutions command names.</summary>
    public static ModelTarget Of(GenerateSolutions command) => new()
    {
        BaseUrl = command.BaseUrl, Model = command.Model, Sampling = command.Sampling, ModelServer = command.ModelServer,
    };

    /// <summary>A request of <paramref name="prompt"/> to this target.</summary>
    public GenerationRequest Ask(ModelPrompt prompt) => new() { Target = this, Prompt = prompt };
}
