using Pipeline.Contracts;
using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.ModelClient;

/// <summary>Asks an OpenAI-compatible server for completions; transient failures are retried inside, the last one propagates.</summary>
public interface IModelClient
{
    /// <param name="server">the run's own key, request timeout and extra body fields (each unset: the client's configuration)</param>
    Task<ModelReply> CompleteAsync(
        string baseUrl, string model, ModelPrompt prompt, SamplingSettings sampling, int n, ModelServerSettings server, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListModelsAsync(string baseUrl, CancellationToken cancellationToken);
}
