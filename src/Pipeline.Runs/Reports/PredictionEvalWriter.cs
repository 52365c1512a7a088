using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Core.Scenarios;
using Pipeline.Runs.Export;
using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Reports;

/// <summary>
/// The official eval_all.json and eval.json of the two prediction scenarios, each in its own layout and scale:
/// test output prediction (rows sorted by (question_id, test_id); eval.json = [compute_metrics_from_results with
/// pass@1 and pass@5 (when every row has n ≥ 5) and "detail", results]); code execution (rows sorted by the N of
/// sample_N; eval.json = [{"pass@1": 0–100}, results]; answers that contain the call are dropped from the graded
/// list, and a row with every answer dropped gets all False, as the official evaluate_score).
/// </summary>
public static class PredictionEvalWriter
{
    private static readonly int[] TestOutputKs = [1, 5];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <returns>the metrics eval.json holds (code execution's pass@1 in percent, as official)</returns>
    public static IReadOnlyDictionary<string, double> Write(IReadOnlyList<ExportedProblem> graded, string folder)
    {
        var execution = ScenarioNames.Parse(graded[0].Problem.Scenario) == Scenario.CodeExecution;
        var problems = execution
            ? [.. graded.OrderBy(p => SampleNumber(p.Problem.QuestionId))]
            : graded.OrderBy(p => QuestionId(p), StringComparer.Ordinal).ThenBy(TestId).ToList();
        var gradedLists = problems.Select(p => GradedList(p, execution)).ToList();
        Directory.CreateDirectory(folder);
        var evalAll = new JsonArray([.. problems.Select((p, i) => (JsonNode)EvalAllRow(p, gradedLists[i]))]);
        File.WriteAllText(Path.Combine(folder, "eval_all.json"), evalAll.ToJsonString(Indented));
        var counts = gradedLists.Select(list => (list.Count, list.Count(passed => passed))).ToList();
        var metrics = execution
            ? new Dictionary<string, double> { ["pass@1"] = counts.Average(c => PassAtK.Estimate(c.Item1, c.Item2, 1)) * 100 }
            : PassAtK.Average(counts, TestOutputKs);
        var summary = new JsonObject(metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value)));
        if (!execution)
        {
            summary["detail"] = new JsonObject(metrics.Keys.Select(key => KeyValuePair.Create(key, (JsonNode?)new JsonObject(
                counts.Select((c, i) => KeyValuePair.Create(Index(i), (JsonNode?)PassAtK.Estimate(c.Item1, c.Item2, int.Parse(key["pass@".Length..]))))))));
        }
        var results = new JsonObject(gradedLists.Select((list, i) =>
            KeyValuePair.Create(Index(i), (JsonNode?)new JsonArray([.. list.Select(passed => (JsonNode)new JsonArray(passed))]))));
        File.WriteAllText(Path.Combine(folder, "eval.json"), new JsonArray(summary, results).ToJsonString(Indented));
        return metrics;
    }

    /// <summary>Per sample pass/fail; code execution leaves out skipped answers (no results), or gives all False when all were skipped.</summary>
    public static IReadOnlyList<bool> GradedList(ExportedProblem problem, bool execution)
    {
        if (!execution)
        {
            return [.. problem.Samples.Select(s => s.Passed)];
        }
        var kept = problem.Samples.Where(s => s.Results.Count > 0).Select(s => s.Passed).ToList();
        return kept.Count > 0 ? kept : [.. problem.Samples.Select(_ => false)];
    }

    private static JsonObject EvalAllRow(ExportedProblem problem, IReadOnlyList<bool> gradedList)
    {
        var row = OfficialRow.Build(problem.Problem, lists =>
        {
            lists["output_list"] = new JsonArray([.. problem.OutputList.Select(o => (JsonNode?)o)]);
            lists["pred_list"] = new JsonArray([.. problem.CodeList.Select(c => (JsonNode?)c)]);
        });
        row["graded_list"] = new JsonArray([.. gradedList.Select(g => (JsonNode?)g)]);
        row["pass@1"] = gradedList.Count(g => g) / (double)gradedList.Count;
        return row;
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static long SampleNumber(string id) => PredictionIds.SampleNumber(id) ?? long.MaxValue;

    private static string QuestionId(ExportedProblem problem) => problem.Problem.QuestionId[..problem.Problem.QuestionId.LastIndexOf('/')];

    private static long TestId(ExportedProblem problem) =>
        long.Parse(problem.Problem.QuestionId[(problem.Problem.QuestionId.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
}
