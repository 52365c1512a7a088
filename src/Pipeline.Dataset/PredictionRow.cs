using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;

namespace Pipeline.Dataset;

/// <summary>
/// Rows of the two prediction datasets, as exported from the hub (contest_date an ISO string or epoch milliseconds):
/// <c>livecodebench/test_generation</c> (one problem per (question_id, test_id), id "question_id/test_id", checked on
/// its test[0] only, as official) and <c>livecodebench/execution-v2</c> (one problem per id "sample_N"). The suite holds
/// one check of type "testoutput" or "execution" (harness/prediction_checks.py); the row is kept on the problem.
/// </summary>
public static class PredictionRow
{
    public const string Platform = "leetcode";

    /// <exception cref="InvalidDataException">a field is missing or of the wrong type, or the test field is unusable.</exception>
    public static (Problem Problem, TestSuite Suite, long SuiteBytes) Decode(Scenario scenario, JsonElement row, ReadOnlyMemory<byte> bytes)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"row is JSON {row.ValueKind}, not an object");
        }
        var (id, suite, title, content, starter, funcName) = scenario switch
        {
            Scenario.TestOutputPrediction => TestOutput(row),
            Scenario.CodeExecution => Execution(row),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "not a prediction scenario"),
        };
        var (hash, jsonBytes) = suite.Canonical();
        var problem = new Problem
        {
            QuestionId = id,
            QuestionTitle = title,
            QuestionContent = content,
            Platform = Platform,
            ContestId = RowFields.Text(row, "contest_id"),
            ContestDate = ContestDate(row),
            StarterCode = starter,
            Difficulty = Difficulty(row),
            Metadata = "{}",
            FuncName = funcName,
            SuiteHash = hash,
            PublicTests = 1,
            PrivateTests = 0,
            Scenario = scenario.Name(),
            Row = Encoding.UTF8.GetString(bytes.Span),
        };
        return (problem, suite, jsonBytes);
    }

    private static (string, TestSuite, string, string, string, string) TestOutput(JsonElement row)
    {
        var testId = row.TryGetProperty("test_id", out var value) && value.TryGetInt64(out var number)
            ? number
            : throw new InvalidDataException("field 'test_id' is missing or not a whole number");
        var tests = TestCaseJson.Parse(Utf8Text.Of(RowFields.TextElement(row, "test")), "test");
        if (tests.Count == 0)
        {
            throw new InvalidDataException("field 'test' holds no test case");
        }
        var suite = new TestSuite { Tests = [new TestCase(tests[0].InputUtf8, tests[0].OutputUtf8, "testoutput")] };
        return (PredictionIds.TestOutput(RowFields.Text(row, "question_id"), testId), suite, RowFields.Text(row, "question_title"), RowFields.Text(row, "question_content"),
            RowFields.Text(row, "starter_code"), RowFields.Text(row, "function_name"));
    }

    private static (string, TestSuite, string, string, string, string) Execution(JsonElement row)
    {
        var id = RowFields.Text(row, "id");
        if (PredictionIds.SampleNumber(id) is null)
        {
            throw new InvalidDataException($"id '{id}' is not sample_N");
        }
        var suite = new TestSuite { Program = RowFields.Text(row, "code"), Tests = [new TestCase(RowFields.Text(row, "input"), RowFields.Text(row, "output"), "execution")] };
        _ = RowFields.Text(row, "problem_id"); // the official CodeExecutionProblem requires it
        return (id, suite, RowFields.Text(row, "function_name"), "", "", RowFields.Text(row, "function_name"));
    }

    private static string Difficulty(JsonElement row)
    {
        var value = RowFields.Text(row, "difficulty");
        return LcbValues.Difficulties.Contains(value)
            ? value
            : throw new InvalidDataException($"unknown difficulty '{value}' (expected {string.Join(", ", LcbValues.Difficulties)})");
    }

    /// <summary>An ISO date string, or epoch milliseconds (how some hub exports write timestamps) taken as UTC; both without a zone, as the ISO dates are.</summary>
    private static DateTime ContestDate(JsonElement row)
    {
        if (!row.TryGetProperty("contest_date", out var value))
        {
            throw new InvalidDataException("field 'contest_date' is missing");
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var milliseconds))
        {
            return DateTime.SpecifyKind(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime, DateTimeKind.Unspecified);
        }
        if (value.ValueKind == JsonValueKind.String
            && DateTime.TryParse(RowFields.Text(row, "contest_date"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date))
        {
            return date;
        }
        throw new InvalidDataException($"contest_date {value.GetRawText()} is neither an ISO date nor epoch milliseconds");
    }
}
