namespace Pipeline.Generation.Prompts;

/// <summary>
/// The official runner's prompt styles (lcb_runner/lm_styles.py, <c>LMStyle</c>) that an OpenAI-compatible server can
/// serve, by their official names. The style decides the prompt text, whether it is sent as chat messages or as one
/// completion prompt, and how code is extracted from the answer.
/// </summary>
public enum PromptStyle
{
    OpenAIChat,
    GenericBase,
    OpenAIReason,
    DeepSeekR1,
    CodeQwenInstruct,
    QwQ,
    LLaMa3,
    DeepSeekCodeInstruct,
    Claude3,
}

public static class PromptStyles
{
    /// <summary>Today's short names, kept so that existing runs and scripts keep working.</summary>
    private static readonly Dictionary<string, PromptStyle> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chat"] = PromptStyle.OpenAIChat,
        ["base"] = PromptStyle.GenericBase,
    };

    public static IReadOnlyList<PromptStyle> All { get; } = Enum.GetValues<PromptStyle>();

    /// <summary>Reads the per-run option (StartEvaluation.PromptStyle): an official LMStyle name, or "chat" / "base".</summary>
    /// <exception cref="ArgumentException">the name is not a style Pipeline can serve; the message lists those it can</exception>
    public static PromptStyle Parse(string value)
    {
        var name = value.Trim();
        if (Aliases.TryGetValue(name, out var alias))
        {
            return alias;
        }
        foreach (var style in All)
        {
            if (string.Equals(style.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return style;
            }
        }
        throw new ArgumentException(
            $"unknown prompt style '{value}': use one of {string.Join(", ", All)} (or the aliases chat = OpenAIChat, base = GenericBase)");
    }

    /// <summary>The official LMStyle name, which runs record.</summary>
    public static string Name(this PromptStyle style) => style.ToString();

    /// <summary>
    /// Chat styles go to /v1/chat/completions as messages; the others are one text for /v1/completions. LLaMa3's
    /// official prompt is the model tokenizer's chat template applied to messages: Pipeline sends the messages and
    /// the server applies its own template. Claude3's (system, messages) pair becomes a system message first.
    /// </summary>
    public static bool SendsMessages(this PromptStyle style) =>
        style is PromptStyle.OpenAIChat or PromptStyle.OpenAIReason or PromptStyle.LLaMa3 or PromptStyle.Claude3;
}
