using Refit;

namespace Pipeline.Generation.ModelClient;

/// <summary>
/// The OpenAI HTTP API as every supported server (vLLM, TGI, SGLang, hosted APIs) speaks it.
/// Completions come back as raw text so that an unparseable body is recorded, not thrown away.
/// A run's own key (null: the client's default header) and request timeout (a request option the resilience pipeline reads).
/// </summary>
public interface IOpenAiApi
{
    /// <summary>The request option holding one run's per-attempt timeout (<see cref="ModelClientRegistration"/> reads it).</summary>
    const string RequestTimeoutOption = "pipeline.request-timeout";

    [Post("/v1/chat/completions")]
    Task<string> ChatCompletionsAsync(
        [Body] ChatCompletionRequest request, [Header("Authorization")] string? authorization, [Property(RequestTimeoutOption)] TimeSpan? timeout,
        CancellationToken cancellationToken);

    [Post("/v1/completions")]
    Task<string> CompletionsAsync(
        [Body] CompletionRequest request, [Header("Authorization")] string? authorization, [Property(RequestTimeoutOption)] TimeSpan? timeout,
        CancellationToken cancellationToken);

    [Get("/v1/models")]
    Task<ModelList> ModelsAsync(CancellationToken cancellationToken);
}
