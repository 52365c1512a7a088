using Pipeline.Cli.Commands.Grade;

namespace Pipeline.UnitTests.Cli;

public sealed class GradeInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grade-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Generations_are_read_from_the_official_array_and_from_plain_json_lines()
    {
        var array = Write("eval_all.json", """[{"question_id": "a", "output_list": ["raw"], "code_list": ["x"], "graded_list": [true]}]""");
        var lines = Write("plain.jsonl", "{\"question_id\": \"a\", \"code_list\": [\"x\", \"y\"]}\n\n{\"question_id\": \"b\", \"code_list\": []}\n");

        var official = Assert.Single(GenerationsFile.Read(array));
        var plain = GenerationsFile.Read(lines);

        Assert.Equal(["raw"], official.OutputList);
        Assert.Equal(["x", "y"], plain[0].CodeList);
        Assert.Equal("b", plain[1].QuestionId);
    }

    [Fact]
    public void A_self_repair_row_keeps_its_original_code_list_for_the_official_eval_all()
    {
        var file = Write("repair.jsonl", "{\"question_id\": \"a\", \"code_list\": [\"fixed\"], \"original_code_list\": [\"broken\"]}\n");

        var repaired = Assert.Single(GenerationsFile.Read(file));

        Assert.Equal(["broken"], repaired.OriginalCodeList);
        Assert.Null(Assert.Single(GenerationsFile.Read(Write("plain.jsonl", "{\"question_id\": \"a\", \"code_list\": [\"x\"]}\n"))).OriginalCodeList);
    }

    [Fact]
    public void A_row_without_code_list_is_refused_with_its_position()
    {
        var file = Write("bad.jsonl", "{\"question_id\": \"a\", \"code_list\": [\"x\"]}\n{\"question_id\": \"b\"}\n");
        var error = Assert.Throws<InvalidDataException>(() => GenerationsFile.Read(file));
        Assert.Contains("row 2", error.Message);
    }

    [Theory]
    [InlineData("\"\\ud800\"", "code_list[1] is not text")] // half of a surrogate pair, escaped: valid JSON, not text
    [InlineData("7", "code_list[1] is JSON Number")]
    public void An_answer_that_is_not_text_is_refused_with_its_position(string answer, string reason)
    {
        var file = Write("bad.jsonl", "{\"question_id\": \"a\", \"code_list\": [\"x\", " + answer + "]}\n");
        var error = Assert.Throws<InvalidDataException>(() => GenerationsFile.Read(file));
        Assert.Contains("row 1", error.Message);
        Assert.Contains(reason, error.Message);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
