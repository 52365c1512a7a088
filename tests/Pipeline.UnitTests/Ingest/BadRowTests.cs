using Pipeline.Contracts;
using Pipeline.Dataset;

namespace Pipeline.UnitTests.Ingest;

/// <summary>Bad rows are reported with file and line, counted and skipped; the good rows around them go through.</summary>
public sealed class BadRowTests : IDisposable
{
    private readonly SyntheticDataset _dataset = new();

    [Theory]
    [InlineData("{not json", "invalid JSON")]
    [InlineData("[1, 2]", "not an object")]
    [InlineData("""{"question_id": "x"}""", "is missing or not a string")]
    public void Malformed_rows_are_skipped_with_their_line(string badRow, string reason)
    {
        var file = _dataset.Write("test.jsonl", [SyntheticDataset.Row("a"), badRow, SyntheticDataset.Row("b")]);
        var report = new DatasetReport();

        var ids = Read(report);

        Assert.Equal(["a", "b"], ids);
        var bad = Assert.Single(report.BadRows);
        Assert.Equal((file, 2L), (bad.File, bad.Line));
        Assert.Contains(reason, bad.Reason);
    }

    [Theory]
    [InlineData("platform", "unknown platform 'topcoder'")]
    [InlineData("difficulty", "unknown difficulty 'trivial'")]
    [InlineData("date", "not an ISO date")]
    [InlineData("metadata", "metadata is not valid JSON")]
    [InlineData("private", "neither JSON nor valid base64")]
    [InlineData("testtype", "neither stdin nor functional")]
    [InlineData("surrogate in a test", "not text")]
    [InlineData("surrogate in the title", "not text")]
    [InlineData("surrogate in func_name", "metadata.func_name is not text")]
    public void Rows_with_bad_fields_or_undecodable_tests_are_skipped(string defect, string reason)
    {
        var badRow = defect switch
        {
            "platform" => SyntheticDataset.Row("bad", platform: "topcoder"),
            "difficulty" => SyntheticDataset.Row("bad", difficulty: "trivial"),
            "date" => SyntheticDataset.Row("bad", date: "yesterday"),
            "metadata" => SyntheticDataset.Row("bad", metadata: "{func_name"),
            "private" => SyntheticDataset.Row("bad", privateTests: "eJxrYJnqzAABPfbR1U"),
            // half of a surrogate pair, escaped: valid JSON, but not text .NET can hold
            "surrogate in a test" => SyntheticDataset.Row("bad", privateTests: """[{"input": "\ud800", "output": "1", "testtype": "stdin"}]"""),
            "surrogate in the title" => SyntheticDataset.Row("bad").Replace("title bad", "\\ud800"),
            "surrogate in func_name" => SyntheticDataset.Row("bad", metadata: """{"func_name": "\ud800"}"""),
            _ => SyntheticDataset.Row("bad", privateTests: """[{"input": "1", "output": "1", "testtype": "exotic"}]"""),
        };
        _dataset.Write("test.jsonl", [badRow, SyntheticDataset.Row("good")]);
        var report = new DatasetReport();

        Assert.Equal(["good"], Read(report));
        Assert.Contains(reason, Assert.Single(report.BadRows).Reason);
    }

    [Fact]
    public void Blank_lines_and_windows_line_ends_are_not_bad_rows()
    {
        File.WriteAllText(Path.Combine(_dataset.Directory, "test.jsonl"), SyntheticDataset.Row("a") + "\r\n\r\n" + SyntheticDataset.Row("b"));
        var report = new DatasetReport();

        Assert.Equal(["a", "b"], Read(report));
        Assert.Empty(report.BadRows);
    }

    [Fact]
    public void A_missing_source_is_a_clear_error()
    {
        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read("/no/such/dir", new DatasetSelection { Release = "release_v1" }, new DatasetReport()).ToList());

        Assert.Contains("/no/such/dir", error.Message);
    }

    private List<string> Read(DatasetReport report) =>
        [.. DatasetReader.Read(_dataset.Directory, new DatasetSelection { Release = "release_v1" }, report).Select(e => e.Problem.QuestionId)];

    public void Dispose() => _dataset.Dispose();
}
