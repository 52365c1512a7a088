using Pipeline.Contracts;
using Pipeline.Core.Scenarios;
using Pipeline.Dataset;

namespace Pipeline.UnitTests.Scenarios;

/// <summary>Reading the two prediction datasets: keys, suites, dates in both hub forms, filters and bad rows.</summary>
public sealed class PredictionRowTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prediction-rows-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_bundled_rows_become_problems_keyed_as_the_official_runner_keys_them()
    {
        var testOutput = ScenarioParityFiles.Problems(Scenario.TestOutputPrediction);
        var execution = ScenarioParityFiles.Problems(Scenario.CodeExecution);
        Assert.Equal(129, testOutput.Count);
        Assert.Equal(40, execution.Count);
        Assert.Contains("3221/0", testOutput.Keys);
        Assert.Equal("testoutputprediction", testOutput["3221/0"].Scenario);
        Assert.Contains("sample_0", execution.Keys);
        Assert.All(execution.Values, p => Assert.Equal("codeexecution", p.Scenario));
        Assert.Equal(new DateTime(2024, 10, 12, 7, 30, 0), execution["sample_0"].ContestDate);
        Assert.Equal(execution["sample_3"].ContestDate, execution["sample_2"].ContestDate); // one contest; sample_2 gives epoch ms
        Assert.Equal(DateTimeKind.Unspecified, execution["sample_2"].ContestDate.Kind);
    }

    [Fact]
    public void Date_filters_apply_and_release_is_ignored()
    {
        var selection = new DatasetSelection { Release = "release_v1", StartDate = new DateOnly(2024, 1, 1) };
        var read = DatasetReader.Read(ScenarioParityFiles.Rows(Scenario.TestOutputPrediction), selection, new DatasetReport(), Scenario.TestOutputPrediction).ToList();
        Assert.NotEmpty(read);
        Assert.All(read, entry => Assert.True(entry.Problem.ContestDate >= new DateTime(2024, 1, 1)));
        Assert.True(read.Count < 129);
    }

    [Fact]
    public void Bad_rows_are_reported_with_file_and_line_and_skipped()
    {
        var file = Path.Combine(_folder, "execution.jsonl");
        var good = File.ReadLines(ScenarioParityFiles.Rows(Scenario.CodeExecution)).First();
        File.WriteAllLines(file, [good, "{not json", good.Replace("\"id\": \"sample_0\"", "\"id\": \"first\""), good.Replace("\"contest_date\": \"2024-10-12T07:30:00\"", "\"contest_date\": true")]);
        var report = new DatasetReport();
        var read = DatasetReader.Read(file, new DatasetSelection { Release = "release_latest" }, report, Scenario.CodeExecution).ToList();
        Assert.Single(read);
        Assert.Equal([2L, 3L, 4L], report.BadRows.Select(b => b.Line));
        Assert.All(report.BadRows, bad => Assert.Equal(file, bad.File));
        Assert.Contains("sample_N", report.BadRows[1].Reason);
        Assert.Contains("contest_date", report.BadRows[2].Reason);
    }

    [Theory]
    [InlineData("execution", "\"code\": \"", "field 'code' is not text")]
    [InlineData("execution", "\"contest_date\": \"", "field 'contest_date' is not text")]
    [InlineData("testoutput", "\"test\": \"", "not text")]
    public void A_field_escaping_half_a_surrogate_pair_is_a_bad_row_not_the_end_of_the_read(string dataset, string fieldStart, string reason)
    {
        var scenario = dataset == "execution" ? Scenario.CodeExecution : Scenario.TestOutputPrediction;
        var file = Path.Combine(_folder, dataset + ".jsonl");
        var good = File.ReadLines(ScenarioParityFiles.Rows(scenario)).First();
        Assert.Contains(fieldStart, good);
        File.WriteAllLines(file, [good.Replace(fieldStart, fieldStart + "\\ud800"), good]);
        var report = new DatasetReport();

        var read = DatasetReader.Read(file, new DatasetSelection { Release = "release_latest" }, report, scenario).ToList();

        Assert.Single(read);
        Assert.Equal(1L, Assert.Single(report.BadRows).Line);
        Assert.Contains(reason, report.BadRows[0].Reason);
    }

    [Fact]
    public void Suites_hold_one_check_of_the_scenario_type()
    {
        var entry = DatasetReader.Read(ScenarioParityFiles.Rows(Scenario.CodeExecution), new DatasetSelection { Release = "x", Limit = 1 }, new DatasetReport(), Scenario.CodeExecution).Single();
        Assert.Equal("execution", Assert.Single(entry.Suite.Tests).TestType);
        Assert.NotNull(entry.Suite.Program);
        var output = DatasetReader.Read(ScenarioParityFiles.Rows(Scenario.TestOutputPrediction), new DatasetSelection { Release = "x", Limit = 1 }, new DatasetReport(), Scenario.TestOutputPrediction).Single();
        Assert.Equal("testoutput", Assert.Single(output.Suite.Tests).TestType);
        Assert.Null(output.Suite.Program);
    }
}
