using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Core.Problems;

namespace Pipeline.Core.Scenarios;

/// <summary>
/// A prediction scenario's row in the official output files (the problem classes' insert_output): the dataset
/// fields in the official order with the lists where the official puts them. Test output prediction:
/// question_title … difficulty, lists, test_id, function_name, starter_code; code execution: every dataset
/// field, then the lists. The answers' list is pred_list in both.
/// </summary>
public static class OfficialRow
{
    private static readonly string[] TestOutputHead = ["question_title", "question_content", "question_id", "contest_id", "contest_date", "difficulty"];
    private static readonly string[] TestOutputTail = ["test_id", "function_name", "starter_code"];
    private static readonly string[] ExecutionHead =
        ["question_id", "contest_id", "contest_date", "difficulty", "function_name", "code", "input", "output", "id", "problem_id", "numsteps"];

    /// <param name="lists">adds output_list, pred_list and any graded fields, in the official order</param>
    public static JsonObject Build(Problem problem, Action<JsonObject> lists)
    {
        var source = JsonNode.Parse(problem.Row ?? throw new InvalidDataException($"problem '{problem.QuestionId}' has no dataset row"))!.AsObject();
        var scenario = ScenarioNames.Parse(problem.Scenario);
        var (head, tail) = scenario == Scenario.TestOutputPrediction ? (TestOutputHead, TestOutputTail) : (ExecutionHead, []);
        var row = new JsonObject();
        foreach (var field in head)
        {
            row[field] = field == "contest_date" ? IsoFormat(problem.ContestDate) : source[field]?.DeepClone();
        }
        lists(row);
        foreach (var field in tail)
        {
            row[field] = source[field]?.DeepClone();
        }
        return row;
    }

    /// <summary>The key the official runner sorts and resumes by: "question_id/test_id" or the execution id (our problem id).</summary>
    /// <exception cref="InvalidDataException">the id escapes a lone surrogate.</exception>
    public static string? Key(JsonElement row) =>
        row.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? JsonText.Of(id, "id")
        : row.TryGetProperty("question_id", out var question) && question.ValueKind == JsonValueKind.String
          && row.TryGetProperty("test_id", out var test) && test.TryGetInt64(out var testId) ? PredictionIds.TestOutput(JsonText.Of(question, "question_id"), testId)
        : null;

    /// <summary>Python's datetime.isoformat() of a date without time zone, as the official files carry it.</summary>
    public static string IsoFormat(DateTime date) => date.ToString(
        date.Millisecond == 0 && date.Microsecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
