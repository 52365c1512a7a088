using Pipeline.Contracts;
using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.ModelClient;

/// <summary>Asks an OpenAI-compatible server for completions; transient failures are retried inside, the last one propagates.</summary>
public interface IModelClient
{
    Task<ModelReply> CompleteAsync(string baseUrl, string model, ModelPrompt prompt, SamplingSettings sampling, int n, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListModelsAsync(string baseUrl, CancellationToken cancellationToken);
}
