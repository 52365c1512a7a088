using Pipeline.Contracts;
using Pipeline.Generation.ModelClient;
using Pipeline.Generation.Prompts;

namespace Pipeline.UnitTests.Generator;

/// <summary>Answers every request with the first n answers of one scripted reply and records what was asked.</summary>
internal sealed class ScriptedModel(ModelReply reply) : IModelClient
{
    public List<int> RequestedN { get; } = [];

    public Task<ModelReply> CompleteAsync(
        string baseUrl, string model, ModelPrompt prompt, SamplingSettings sampling, int n, ModelServerSettings server, CancellationToken cancellationToken)
    {
        lock (RequestedN)
        {
            RequestedN.Add(n);
        }
        return Task.FromResult(reply with { Answers = reply.Answers.Take(n).ToList() });
    }

    public Task<IReadOnlyList<string>> ListModelsAsync(string baseUrl, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(["m"]);
}
