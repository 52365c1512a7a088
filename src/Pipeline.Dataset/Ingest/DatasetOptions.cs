using Pipeline.Core.Scenarios;

namespace Pipeline.Dataset.Ingest;

/// <summary>
/// Where the LCB datasets lie: code generation's code_generation_lite directory (test.jsonl … testN.jsonl) or one
/// .jsonl file; test output prediction's test_generation rows and code execution's execution-v2 rows, one .jsonl each.
/// </summary>
public sealed class DatasetOptions
{
    public const string Section = "Dataset";

    public string Source { get; set; } = "";
    public string TestOutputPrediction { get; set; } = "";
    public string CodeExecution { get; set; } = "";

    /// <exception cref="DatasetException">no dataset is configured for the scenario; the message names the setting.</exception>
    public string SourceFor(Scenario scenario)
    {
        var (path, key) = scenario switch
        {
            Scenario.TestOutputPrediction => (TestOutputPrediction, nameof(TestOutputPrediction)),
            Scenario.CodeExecution => (CodeExecution, nameof(CodeExecution)),
            _ => (Source, nameof(Source)),
        };
        return string.IsNullOrWhiteSpace(path)
            ? throw new DatasetException($"no {scenario.Name()} dataset configured: set {Section}:{key} (env PIPELINE_{Section}__{key})")
            : path;
    }
}
