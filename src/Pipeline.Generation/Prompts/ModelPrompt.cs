using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Generation.Prompts;

/// <summary>
/// What is sent to the model for one item: chat messages for a style that <see cref="PromptStyles.SendsMessages"/>,
/// one completion text otherwise.
/// </summary>
public sealed record ModelPrompt
{
    public required PromptStyle Style { get; init; }
    public IReadOnlyList<ChatMessage> Messages { get; init; } = [];
    public string Text { get; init; } = "";

    public bool SendsMessages => Style.SendsMessages();

    public static ModelPrompt Chat(PromptStyle style, params ChatMessage[] messages) => new() { Style = style, Messages = messages };

    public static ModelPrompt Completion(PromptStyle style, string text) => new() { Style = style, Text = text };

    /// <summary>
    /// SHA-256 of the exact request body part that carries the prompt; part of the generation cache key. It names
    /// the endpoint ("chat" / "base"), not the style: two styles sending the same request get the same answers.
    /// </summary>
    public string Hash
    {
        get
        {
            var canonical = JsonSerializer.Serialize(new { style = SendsMessages ? "chat" : "base", messages = Messages, text = Text });
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        }
    }
}
