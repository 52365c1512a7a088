using System.Text.Json;
using Pipeline.Core.Problems;
using Pipeline.Runs.Export;
using Pipeline.Runs.Reports;
using Pipeline.Runs;

namespace Pipeline.UnitTests.Reports;

public sealed class OfficialEvalWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eval-writer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Writes_the_official_layout_sorted_by_question_id()
    {
        var metrics = OfficialEvalWriter.Write(
        [
            Graded("b", [[1, 1], [1, -2], [-4], [1, 1], [0]]),
            Graded("a", [[1], [1], [1], [1], [1]]),
        ], _folder);

        var evalAll = Read("eval_all.json");
        Assert.Equal(["a", "b"], evalAll.EnumerateArray().Select(r => r.GetProperty("question_id").GetString()));
        var b = evalAll[1];
        Assert.Equal([true, false, false, true, false], b.GetProperty("graded_list").EnumerateArray().Select(g => g.GetBoolean()));
        Assert.Equal(0.4, b.GetProperty("pass@1").GetDouble(), 12);
        Assert.Equal("1.0", evalAll[0].GetProperty("pass@1").GetRawText());
        Assert.Equal("2024-09-22T00:00:00", b.GetProperty("contest_date").GetString());
        Assert.Equal("{\"execution time\": 0.1}", b.GetProperty("metadata")[0].GetString());

        var eval = Read("eval.json");
        Assert.Equal((1.0 + 0.4) / 2, eval[0].GetProperty("pass@1").GetDouble(), 12);
        Assert.Equal("1.0", eval[0].GetProperty("pass@5").GetRawText()); // Python's float format, as the official files
        Assert.Equal(1.0, eval[0].GetProperty("pass@5").GetDouble(), 12);
        Assert.False(eval[0].TryGetProperty("pass@10", out _));
        Assert.Equal(0.4, eval[0].GetProperty("detail").GetProperty("pass@1").GetProperty("1").GetDouble(), 12);
        var secondSampleOfB = eval[1].GetProperty("1")[1];
        Assert.True(secondSampleOfB[0].GetBoolean());
        Assert.Equal(-2, secondSampleOfB[1].GetInt32());
        Assert.Equal(2, eval[2].GetArrayLength());
        Assert.Equal(["pass@1", "pass@5"], metrics.Keys);
    }

    [Fact]
    public void A_self_repair_row_keeps_original_code_list_after_metadata_as_the_official_and_others_have_none()
    {
        OfficialEvalWriter.Write([Graded("a", [[1], [-2]]) with { OriginalCodeList = ["first", "second"] }, Graded("b", [[1], [1]])], _folder);

        var rows = Read("eval_all.json");
        Assert.Equal(["first", "second"], rows[0].GetProperty("original_code_list").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("original_code_list", rows[0].EnumerateObject().Last().Name);
        Assert.Equal("metadata", rows[0].EnumerateObject().SkipLast(1).Last().Name);
        Assert.False(rows[1].TryGetProperty("original_code_list", out _));
    }

    private JsonElement Read(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, name))).RootElement;

    private static ExportedProblem Graded(string id, int[][] results) => new(
        new Problem
        {
            QuestionId = id, QuestionTitle = "t", QuestionContent = "c", Platform = "atcoder", ContestId = "abc", ContestDate = new DateTime(2024, 9, 22),
            StarterCode = "", Difficulty = "easy", Metadata = "{}", SuiteHash = "h", PublicTests = 1, PrivateTests = 0,
        },
        [.. results.Select((r, i) => new SampleVerdict
        {
            ProblemId = id, SampleIndex = i, Passed = r.All(x => x > 0), Results = r, MetadataJson = "{\"execution time\": 0.1}",
            Code = "x", RawOutput = "```python\nx\n```",
        })]);
}
