using Pipeline.Contracts;
using Pipeline.Core.Scenarios;

namespace Pipeline.Runs;

/// <summary>What the Scorer knows about a run once Ingest announced it; written once, never changed.</summary>
public sealed record RunRegistration
{
    public required Guid RunId { get; init; }
    public required string Model { get; init; }
    public required IReadOnlyList<RunProblem> Problems { get; init; }
    public required int SamplesPerProblem { get; init; }
    public required IReadOnlyList<int> Ks { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>The command that started the run (base URL, sampling, prompt style, timeout, selection, extended run); null for runs registered before it was kept.</summary>
    public StartEvaluation? Request { get; init; }

    /// <summary>The run's scenario for display ("codegeneration", "codeexecution (cot)"); runs kept without their command were code generation.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Scenario => ScenarioNames.Label(Request?.Scenario, Request?.Cot ?? false);

    [System.Text.Json.Serialization.JsonIgnore]
    public int TotalSamples => Problems.Count * SamplesPerProblem;
}
