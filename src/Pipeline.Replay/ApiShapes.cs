using System.Text.Json.Serialization;

namespace Pipeline.Replay;

/// <summary>The parts of OpenAI requests the replay server reads; sampling fields are accepted and ignored.</summary>
public sealed record CompletionCall
{
    [JsonPropertyName("model")] public string Model { get; init; } = "";
    [JsonPropertyName("n")] public int? N { get; init; }
    [JsonPropertyName("messages")] public IReadOnlyList<CallMessage>? Messages { get; init; }
    [JsonPropertyName("prompt")] public string? Prompt { get; init; }

    public string PromptText => Prompt ?? string.Join("\n", (Messages ?? []).Select(message => message.Content));
}

public sealed record CallMessage
{
    [JsonPropertyName("role")] public string Role { get; init; } = "";
    [JsonPropertyName("content")] public string Content { get; init; } = "";
}

/// <summary>POST /admin/models: serve another model from recording files, while running.</summary>
public sealed record AddModelCall
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("recordings")] public IReadOnlyList<string> Recordings { get; init; } = [];
}
