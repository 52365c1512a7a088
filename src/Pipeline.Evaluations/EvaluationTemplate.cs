using Pipeline.Contracts;
using Pipeline.Core;
using Pipeline.Core.Scenarios;

namespace Pipeline.Evaluations;

/// <summary>How every evaluation of a kind is run (what the watcher starts for each new checkpoint); only the model differs.</summary>
public sealed record EvaluationTemplate
{
    public static readonly IReadOnlyList<int> DefaultKs = [1, 5, 10];

    public required DatasetSelection Selection { get; init; }
    public string Scenario { get; init; } = ScenarioNames.Default;
    public bool Cot { get; init; }
    public string PromptStyle { get; init; } = RunDefaults.PromptStyle;
    public SamplingSettings Sampling { get; init; } = new();
    public double TimeoutSeconds { get; init; } = RunDefaults.TimeoutSeconds;
    public IReadOnlyList<int> Ks { get; init; } = DefaultKs;

    /// <summary>A new run of <paramref name="model"/> served at <paramref name="baseUrl"/>.</summary>
    public StartEvaluation For(string model, string baseUrl) => new()
    {
        RunId = Guid.NewGuid(),
        Model = model,
        BaseUrl = baseUrl,
        Selection = Selection,
        Scenario = Scenario,
        Cot = Cot,
        PromptStyle = PromptStyle,
        Sampling = Sampling,
        TimeoutSeconds = TimeoutSeconds,
        Ks = Ks,
    };
}
