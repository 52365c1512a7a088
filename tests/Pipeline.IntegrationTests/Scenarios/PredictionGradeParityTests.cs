using Pipeline.IntegrationTests.Infrastructure;
using System.Text.Json;
using Pipeline.Cli.Commands.Grade;
using Pipeline.Cli.Evaluation;
using Pipeline.Core.Scenarios;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Sandbox.Process;
using Pipeline.Generation.Extraction;
using Pipeline.IntegrationTests.Grading;
using Pipeline.Runs.Reports;

namespace Pipeline.IntegrationTests.Scenarios;

/// <summary>
/// `lcb grade --scenario S --extract` on the parity answers (quirks and hostile answers included), in the process
/// sandbox: extraction, per-sample verdicts, graded lists and eval.json equal the official runner's on the same rows.
/// </summary>
[Collection(InProcessGradeCollection.Name)]
public sealed class PredictionGradeParityTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("lcb-scenario-grade-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Theory]
    [InlineData("testoutput", Scenario.TestOutputPrediction, false)]
    [InlineData("execution", Scenario.CodeExecution, false)]
    [InlineData("execution_cot", Scenario.CodeExecution, true)]
    public async Task Graded_lists_and_metrics_equal_the_official_runners(string set, Scenario scenario, bool cot)
    {
        var parity = BundledData.ScenarioParity(LcbTestData.Folder);
        var rows = scenario == Scenario.CodeExecution ? BundledData.ExecutionRows(LcbTestData.Folder) : BundledData.TestOutputRows(LcbTestData.Folder);
        var job = GradeJob.Load(rows, null, Path.Combine(parity, $"{set}.generations.json"), scenario, OfficialExtraction.Of(scenario, cot));
        await using var sandbox = new BubblewrapSandbox(new SandboxOptions { Workers = 2 });

        var graded = await GradeProgress.RunAsync(job, new SampleGrader(sandbox), 6, 2, CancellationToken.None);
        var metrics = GradeReports.Write(graded, _out);

        var official = Load(Path.Combine(parity, $"{set}.official.eval_all.json"));
        var ours = Load(Path.Combine(_out, "eval_all.json"));
        Assert.Equal(official.GetArrayLength(), ours.GetArrayLength());
        var mismatches = new List<string>();
        for (var i = 0; i < official.GetArrayLength(); i++)
        {
            foreach (var field in new[] { "question_id", "pred_list", "graded_list", "pass@1", "output_list" })
            {
                if (!JsonElement.DeepEquals(official[i].GetProperty(field), ours[i].GetProperty(field)))
                {
                    mismatches.Add($"row {i} {field}: official {official[i].GetProperty(field)} ours {ours[i].GetProperty(field)}");
                }
            }
        }
        Assert.Empty(mismatches);
        var officialEval = Load(Path.Combine(parity, $"{set}.official.eval.json"));
        var ourEval = Load(Path.Combine(_out, "eval.json"));
        Assert.True(JsonElement.DeepEquals(officialEval[1], ourEval[1]), "per-row results differ");
        foreach (var metric in officialEval[0].EnumerateObject().Where(m => m.Name != "detail"))
        {
            Assert.Equal(metric.Value.GetDouble(), metrics[metric.Name], 9);
        }
        Assert.Equal(officialEval[0].TryGetProperty("detail", out _), ourEval[0].TryGetProperty("detail", out _));
    }

    private static JsonElement Load(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
}
