using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.ModelClient;

/// <summary>The sampling fields both completion endpoints share; optional ones are left out when unset.</summary>
public abstract record SamplingRequest
{
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("n")] public required int N { get; init; }
    [JsonPropertyName("temperature")] public required double Temperature { get; init; }
    [JsonPropertyName("top_p")] public required double TopP { get; init; }
    [JsonPropertyName("max_tokens")] public required int MaxTokens { get; init; }
    [JsonPropertyName("stop")] public IReadOnlyList<string>? Stop { get; init; }
    [JsonPropertyName("seed")] public int? Seed { get; init; }
    /// <summary>A run's extra fields (reasoning_effort, chat_template_kwargs, …), written beside the others as given.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The fields Pipeline sets itself: an extra field may not replace one.</summary>
    public static readonly IReadOnlySet<string> OwnFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "model", "messages", "prompt", "n", "temperature", "top_p", "max_tokens", "stop", "seed",
    };
}

public sealed record ChatCompletionRequest : SamplingRequest
{
    [JsonPropertyName("messages")] public required IReadOnlyList<ChatMessage> Messages { get; init; }
}

public sealed record CompletionRequest : SamplingRequest
{
    [JsonPropertyName("prompt")] public required string Prompt { get; init; }
}

public sealed record ModelList
{
    [JsonPropertyName("data")] public IReadOnlyList<ModelEntry> Data { get; init; } = [];
}

public sealed record ModelEntry
{
    [JsonPropertyName("id")] public required string Id { get; init; }
}
