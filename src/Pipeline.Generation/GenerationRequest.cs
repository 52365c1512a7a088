using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.Prompts;

namespace Pipeline.Generation;

/// <summary>Everything needed to sample one problem: the model target (server, model, sampling, the run's server settings) and the prompt.</summary>
public sealed record GenerationRequest
{
    public required ModelTarget Target { get; init; }
    public required ModelPrompt Prompt { get; init; }
    /// <summary>Takes the scenario's answer out of a reply (official extraction); null: code generation's code extraction.</summary>
    public Func<string, string>? Extract { get; init; }
    /// <summary>
    /// The index of the first sample asked (the samples are this one onwards): self-repair asks one answer per
    /// code-generation sample, each under that sample's index, so each has its own cache key.
    /// </summary>
    public int FirstSampleIndex { get; init; }

    /// <summary>The official prompt of a problem in a scenario (not self-repair), with that scenario's extraction.</summary>
    /// <exception cref="UnsupportedPromptStyleException">the official runner has no prompt of this style for the scenario</exception>
    public static GenerationRequest Official(Scenario scenario, bool cot, PromptStyle style, Problem problem, ModelTarget target)
    {
        var asked = ScenarioPrompts.For(scenario, cot, style, problem);
        return target.Ask(asked.Prompt) with { Extract = asked.Extract };
    }
}
