using System.Text.Json;
using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;
using Pipeline.Dataset;

namespace Pipeline.UnitTests.Scenarios;

/// <summary>The bundled prediction rows and the parity files the official runner produced from them (tests/data/scenarios).</summary>
public static class ScenarioParityFiles
{
    public static string Folder => BundledData.ScenarioParity(BundledData.Directory);

    public static string Rows(Scenario scenario) => scenario == Scenario.TestOutputPrediction
        ? BundledData.TestOutputRows(BundledData.Directory)
        : BundledData.ExecutionRows(BundledData.Directory);

    public static IReadOnlyDictionary<string, Problem> Problems(Scenario scenario) =>
        DatasetReader.Read(Rows(scenario), new DatasetSelection { Release = "release_latest" }, new DatasetReport(), scenario)
            .ToDictionary(entry => entry.Problem.QuestionId, entry => entry.Problem);

    /// <summary>The official eval_all.json of one parity set (testoutput, execution, execution_cot).</summary>
    public static IReadOnlyList<JsonElement> OfficialEvalAll(string set) =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, $"{set}.official.eval_all.json"))).RootElement.EnumerateArray()];

    public static JsonElement OfficialEval(string set) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, $"{set}.official.eval.json"))).RootElement;

    public static string Generations(string set) => Path.Combine(Folder, $"{set}.generations.json");

    public static IReadOnlyList<string> Strings(JsonElement row, string name) => [.. row.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
