namespace Pipeline.Core.Scenarios;

/// <summary>The four LiveCodeBench scenarios (official lcb_runner/utils/scenarios.py), a per-run option.</summary>
public enum Scenario
{
    CodeGeneration,
    SelfRepair,
    TestOutputPrediction,
    CodeExecution,
}
