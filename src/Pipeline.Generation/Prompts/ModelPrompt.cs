using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Generation.Prompts;

/// <summary>
/// What is sent to the model for one problem: chat messages for <see cref="PromptStyle.Chat"/>,
/// a completion text for <see cref="PromptStyle.Base"/>.
/// </summary>
public sealed record ModelPrompt
{
    public required PromptStyle Style { get; init; }
    public IReadOnlyList<ChatMessage> Messages { get; init; } = [];
    public string Text { get; init; } = "";

    /// <summary>SHA-256 of the exact prompt; part of the generation cache key.</summary>
    public string Hash
    {
        get
        {
            var canonical = JsonSerializer.Serialize(new { style = Style.Name(), messages = Messages, text = Text });
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        }
    }
}
