using Pipeline.Core.Scenarios;
using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.Extraction;

/// <summary>The official runner's extraction of a scenario's answer from a model reply (OpenAIChat style), as combine_results applies it.</summary>
public static class OfficialExtraction
{
    /// <exception cref="NotSupportedException">a scenario without an extraction here</exception>
    public static Func<string, string> Of(Scenario scenario, bool cot) => scenario switch
    {
        Scenario.CodeGeneration => text => CodeExtractor.Extract(text, PromptStyle.OpenAIChat),
        Scenario.TestOutputPrediction => PredictionExtractor.TestOutput,
        Scenario.CodeExecution => text => PredictionExtractor.Execution(text, cot),
        _ => throw new NotSupportedException($"no official extraction for {scenario.Name()} here"),
    };
}
