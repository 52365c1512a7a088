namespace Pipeline.Core.Scenarios;

/// <summary>The scenarios by their official names (`codegeneration`, …), as runs, messages and files carry them.</summary>
public static class ScenarioNames
{
    public const string Default = "codegeneration";
    public const string SelfRepair = "selfrepair";

    private static readonly IReadOnlyDictionary<string, Scenario> ByName = new Dictionary<string, Scenario>
    {
        ["codegeneration"] = Scenario.CodeGeneration,
        [SelfRepair] = Scenario.SelfRepair,
        ["testoutputprediction"] = Scenario.TestOutputPrediction,
        ["codeexecution"] = Scenario.CodeExecution,
    };

    public static IEnumerable<string> All => ByName.Keys;

    /// <exception cref="ArgumentException">not an official scenario name; the message lists them</exception>
    public static Scenario Parse(string? value) =>
        ByName.TryGetValue((value ?? "").Trim().ToLowerInvariant(), out var scenario)
            ? scenario
            : throw new ArgumentException($"unknown scenario '{value}': use {string.Join(", ", All)}");

    public static string Name(this Scenario scenario) => ByName.First(pair => pair.Value == scenario).Key;

    /// <summary>The official name with the chain-of-thought variant marked, for display ("codeexecution (cot)").</summary>
    public static string Label(string? scenario, bool cot) => (scenario ?? Default) + (cot ? " (cot)" : "");

    /// <exception cref="ArgumentException">the scenario is unknown, or <paramref name="cot"/> is asked of a scenario other than code execution</exception>
    public static Scenario Validate(string? scenario, bool cot)
    {
        var parsed = Parse(scenario);
        return !cot || parsed == Scenario.CodeExecution
            ? parsed
            : throw new ArgumentException($"cot applies to codeexecution only, not {parsed.Name()}");
    }
}
