using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Contracts;
using Pipeline.Generation.Prompts;
using Refit;

namespace Pipeline.Generation.ModelClient;

/// <summary>
/// The Refit client over the named HttpClient whose resilience pipeline (per server) limits concurrency
/// and retries; see <see cref="ModelClientRegistration"/>.
/// </summary>
public sealed class OpenAiModelClient(IHttpClientFactory httpClients) : IModelClient
{
    private static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(
        new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull }));

    public async Task<ModelReply> CompleteAsync(
        string baseUrl, string model, ModelPrompt prompt, SamplingSettings sampling, int n, CancellationToken cancellationToken)
    {
        var api = Api(baseUrl);
        var stop = sampling.Stop.Count > 0 ? sampling.Stop : null;
        var clock = Stopwatch.StartNew();
        var chat = prompt.SendsMessages;
        var body = await RejectingPermanentErrors(() => chat
            ? api.ChatCompletionsAsync(new ChatCompletionRequest
            {
                Model = model, Messages = prompt.Messages, N = n, Temperature = sampling.Temperature, TopP = sampling.TopP,
                MaxTokens = sampling.MaxTokens, Stop = stop, Seed = sampling.Seed,
            }, cancellationToken)
            : api.CompletionsAsync(new CompletionRequest
            {
                Model = model, Prompt = prompt.Text, N = n, Temperature = sampling.Temperature, TopP = sampling.TopP,
                MaxTokens = sampling.MaxTokens, Stop = stop, Seed = sampling.Seed,
            }, cancellationToken));
        var reply = CompletionResponseParser.Parse(body, chat, n);
        return reply with { LatencyMs = clock.Elapsed.TotalMilliseconds };
    }

    public async Task<IReadOnlyList<string>> ListModelsAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var models = await RejectingPermanentErrors(() => Api(baseUrl).ModelsAsync(cancellationToken));
        return models.Data.Select(entry => entry.Id).ToList();
    }

    /// <summary>A permanent 4xx becomes <see cref="ModelServerRejectedException"/> carrying the server's message; the rest propagate as they are.</summary>
    private static async Task<T> RejectingPermanentErrors<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException error) when (ModelServerRejectedException.IsPermanent(error.StatusCode))
        {
            throw new ModelServerRejectedException(error.StatusCode, ModelServerRejectedException.ReadServerMessage(error.Content));
        }
    }

    private IOpenAiApi Api(string baseUrl)
    {
        var http = httpClients.CreateClient(ModelClientRegistration.HttpClientName);
        http.BaseAddress = ServerAddress(baseUrl);
        return RestService.For<IOpenAiApi>(http, Settings);
    }

    /// <summary>Accepts a server root or the OpenAI-style base URL ending in /v1; the API paths add /v1 themselves.</summary>
    public static Uri ServerAddress(string baseUrl)
    {
        var trimmed = baseUrl.TrimEnd('/');
        if (trimmed.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^3];
        }
        return Uri.TryCreate(trimmed + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"model server base URL '{baseUrl}' is not an http(s) URL", nameof(baseUrl));
    }
}
