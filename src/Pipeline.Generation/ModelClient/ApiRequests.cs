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
