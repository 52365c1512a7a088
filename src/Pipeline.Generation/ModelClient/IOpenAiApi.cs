using Refit;

namespace Pipeline.Generation.ModelClient;

/// <summary>
/// The OpenAI HTTP API as every supported server (vLLM, TGI, SGLang, hosted APIs) speaks it.
/// Completions come back as raw text so that an unparseable body is recorded, not thrown away.
/// </summary>
public interface IOpenAiApi
{
    [Post("/v1/chat/completions")]
    Task<string> ChatCompletionsAsync([Body] ChatCompletionRequest request, CancellationToken cancellationToken);

    [Post("/v1/completions")]
    Task<string> CompletionsAsync([Body] CompletionRequest request, CancellationToken cancellationToken);

    [Get("/v1/models")]
    Task<ModelList> ModelsAsync(CancellationToken cancellationToken);
}
