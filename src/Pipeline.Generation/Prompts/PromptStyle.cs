namespace Pipeline.Generation.Prompts;

/// <summary>How the official runner talks to a model: chat messages (OpenAIChat style) or a plain completion prompt (GenericBase).</summary>
public enum PromptStyle
{
    Chat,
    Base,
}

public static class PromptStyles
{
    /// <summary>Reads the per-run option (StartEvaluation.PromptStyle): "chat" or "base".</summary>
    public static PromptStyle Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "chat" => PromptStyle.Chat,
        "base" => PromptStyle.Base,
        _ => throw new ArgumentException($"unknown prompt style '{value}': use 'chat' or 'base'", nameof(value)),
    };

    public static string Name(this PromptStyle style) => style == PromptStyle.Chat ? "chat" : "base";
}
