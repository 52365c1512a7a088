using System.Text.Json;
using Pipeline.Core.Problems;
using Pipeline.Generation;
using Pipeline.Generation.Offline;

namespace Pipeline.UnitTests.Generator;

public sealed class GenerationOutputTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"generate-{Guid.NewGuid():N}.jsonl");

    [Fact]
    public void Rows_carry_the_official_layout_in_sample_order()
    {
        var row = JsonDocument.Parse(GenerationRow.Serialize(Problem("q1"), Samples("a", "b"))).RootElement;
        Assert.Equal(
            ["question_title", "question_content", "platform", "question_id", "contest_id", "contest_date", "starter_code", "difficulty", "output_list", "code_list"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2024-09-22T00:00:00", row.GetProperty("contest_date").GetString());
        Assert.Equal(["raw a", "raw b"], row.GetProperty("output_list").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["a", "b"], row.GetProperty("code_list").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Resuming_keeps_finished_rows_and_cuts_a_torn_last_line()
    {
        var finished = GenerationRow.Serialize(Problem("q1"), Samples("a"));
        File.WriteAllText(_path, finished + "\n" + finished.Replace("q1", "q2")[..40]);
        await using (var output = GenerationOutput.Open(_path))
        {
            Assert.Equal(["q1"], output.Done);
            await output.AppendAsync(GenerationRow.Serialize(Problem("q2"), Samples("b")), default);
        }
        var ids = File.ReadAllLines(_path).Select(GenerationRow.QuestionId).ToList();
        Assert.Equal(["q1", "q2"], ids);
    }

    [Fact]
    public async Task A_bad_line_inside_the_file_stops_the_resume_without_touching_the_file()
    {
        var finished = GenerationRow.Serialize(Problem("q1"), Samples("a"));
        var text = "not json\n" + finished + "\n";
        File.WriteAllText(_path, text);
        var error = Assert.Throws<InvalidDataException>(() => GenerationOutput.Open(_path));
        Assert.Contains(":1 ", error.Message);
        Assert.Equal(text, await File.ReadAllTextAsync(_path));
    }

    public void Dispose() => File.Delete(_path);

    private static Problem Problem(string id) => new()
    {
        QuestionId = id, QuestionTitle = "T", QuestionContent = "C", Platform = "atcoder", ContestId = "abc1",
        ContestDate = new DateTime(2024, 9, 22), StarterCode = "", Difficulty = "easy", Metadata = "{}", SuiteHash = "h",
        PublicTests = 1, PrivateTests = 0,
    };

    private static IReadOnlyList<GeneratedSample> Samples(params string[] codes) =>
        codes.Select((code, i) => new GeneratedSample { SampleIndex = i, RawOutput = "raw " + code, Code = code }).ToList();
}
