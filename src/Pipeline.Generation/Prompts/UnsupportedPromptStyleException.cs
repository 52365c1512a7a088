using Pipeline.Core.Scenarios;

namespace Pipeline.Generation.Prompts;

/// <summary>No prompt of this style for the scenario (the official runner raises NotImplementedError or crashes): refused up front.</summary>
public sealed class UnsupportedPromptStyleException(Scenario scenario, PromptStyle style)
    : ArgumentException(
        $"prompt style {style.Name()} is not supported for {scenario.Name()}: the official runner has no prompt for it there; use one of {string.Join(", ", ScenarioStyles.For(scenario))}");
