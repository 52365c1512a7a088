namespace Pipeline.Generation.Prompts;

/// <summary>
/// Which prompt styles the official runner can build a prompt for, per scenario. Its builders are if/elif chains
/// that end in a <c>NotImplementedError</c>, and those of self-repair, test output prediction and code execution
/// name LMStyle members that no longer exist (MagiCoder, WizardCoder, …), so any style that reaches those
/// branches crashes the official run. Such a pair is refused before anything is started.
/// </summary>
public static class ScenarioStyles
{
    /// <summary>The styles whose branch comes before the first missing member in those three builders.</summary>
    private static readonly IReadOnlySet<PromptStyle> OlderBuilders = new HashSet<PromptStyle>
    {
        PromptStyle.OpenAIChat, PromptStyle.LLaMa3, PromptStyle.Claude3, PromptStyle.DeepSeekCodeInstruct,
    };

    private static readonly Dictionary<string, IReadOnlySet<PromptStyle>> ByScenario = new(StringComparer.OrdinalIgnoreCase)
    {
        ["codegeneration"] = CodeGenerationPrompt.Styles,
        ["selfrepair"] = SelfRepairPrompt.Styles,
        ["testoutputprediction"] = OlderBuilders,
        ["codeexecution"] = OlderBuilders,
    };

    /// <summary>The styles that work for a scenario, in the order of <see cref="PromptStyles.All"/>.</summary>
    public static IReadOnlyList<PromptStyle> For(string scenario) =>
        ByScenario.TryGetValue(scenario, out var styles)
            ? PromptStyles.All.Where(styles.Contains).ToList()
            : throw new ArgumentException($"unknown scenario '{scenario}': use one of {string.Join(", ", ByScenario.Keys)}");

    /// <summary>Parses the style and checks that the official runner serves it for this scenario.</summary>
    /// <exception cref="ArgumentException">unknown style or scenario, or a pair the official runner fails on; the message names the styles that work</exception>
    public static PromptStyle Require(string scenario, string style)
    {
        var parsed = PromptStyles.Parse(style);
        var working = For(scenario);
        return working.Contains(parsed)
            ? parsed
            : throw new ArgumentException(
                $"prompt style {parsed.Name()} is not supported for {scenario}: the official runner has no prompt for it there; use one of {string.Join(", ", working)}");
    }
}
