using Pipeline.Core.Scenarios;

namespace Pipeline.Generation.Prompts;

/// <summary>
/// Which prompt styles Pipeline builds a prompt for, per scenario. The official builders are if/elif chains that end
/// in a <c>NotImplementedError</c>, and those of self-repair, test output prediction and code execution name LMStyle
/// members that no longer exist (MagiCoder, WizardCoder, …), so a style past those branches crashes the official run.
/// Self-repair, test output prediction and code execution each work in OpenAIChat, LLaMa3, DeepSeekCodeInstruct and
/// Claude3. Any other pair is refused before anything is started.
/// </summary>
public static class ScenarioStyles
{
    private static readonly IReadOnlyDictionary<Scenario, IReadOnlySet<PromptStyle>> ByScenario = new Dictionary<Scenario, IReadOnlySet<PromptStyle>>
    {
        [Scenario.CodeGeneration] = CodeGenerationPrompt.Styles,
        [Scenario.SelfRepair] = SelfRepairPrompt.Styles,
        [Scenario.TestOutputPrediction] = TestOutputPredictionPrompt.Styles,
        [Scenario.CodeExecution] = CodeExecutionPrompt.Styles,
    };

    /// <summary>The styles that work for a scenario, in the order of <see cref="PromptStyles.All"/>.</summary>
    public static IReadOnlyList<PromptStyle> For(Scenario scenario) => PromptStyles.All.Where(ByScenario[scenario].Contains).ToList();

    /// <exception cref="UnsupportedPromptStyleException">no prompt of this style for the scenario; the message names the styles that work</exception>
    public static void Check(Scenario scenario, PromptStyle style)
    {
        if (!ByScenario[scenario].Contains(style))
        {
            throw new UnsupportedPromptStyleException(scenario, style);
        }
    }

    /// <summary>Parses the style and checks that it is served for this scenario.</summary>
    /// <exception cref="ArgumentException">unknown style, or a pair with no prompt; the message names the styles that work</exception>
    public static PromptStyle Require(Scenario scenario, string style)
    {
        var parsed = PromptStyles.Parse(style);
        Check(scenario, parsed);
        return parsed;
    }
}
