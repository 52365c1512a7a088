using System.Text.Json.Serialization;

namespace Pipeline.Generation.Prompts;

/// <summary>One OpenAI chat message.</summary>
public sealed record ChatMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);
