namespace Pipeline.Generation.Prompts;

/// <summary>The official runner has no prompt of this style for the scenario (it raises NotImplementedError): refused up front.</summary>
public sealed class UnsupportedPromptStyleException(string scenario, PromptStyle style)
    : ArgumentException($"the official runner has no {style.Name()} prompt for {scenario}: use the chat style");
