using Pipeline.Generation.Prompts;
using Pipeline.Replay.Recordings;
using Pipeline.UnitTests.Generator;

namespace Pipeline.UnitTests.ReplayServer;

public sealed class ReplayRecognitionTests
{
    private static readonly RecordedProblem Stdin = new("p1", "A", "Read n and print n+1.", ["out-0", "out-1"]);
    private static readonly RecordedProblem Call = new("p2", "B", "Return the sum.", ["sum-0"]);
    private static readonly RecordedProblem Prefix = new("p3", "C", "Return the sum", ["prefix"]);

    [Theory]
    [InlineData(PromptStyle.OpenAIChat)]
    [InlineData(PromptStyle.GenericBase)]
    public void The_question_is_found_in_both_official_prompt_styles(PromptStyle style)
    {
        var model = new ReplayModel("m", [Stdin, Call, Prefix]);
        var stdinPrompt = CodeGenerationPrompt.Build(style, Stdin.QuestionContent, "");
        var callPrompt = CodeGenerationPrompt.Build(style, Call.QuestionContent, "class Solution:\n    def s(self):\n        ");
        Assert.Equal(Stdin.QuestionContent, PromptQuestion.Extract(Text(stdinPrompt)));
        Assert.Same(Stdin, model.Recognise(Text(stdinPrompt)));
        Assert.Same(Call, model.Recognise(Text(callPrompt)));
    }

    [Fact]
    public void Another_template_is_matched_by_the_longest_quoted_question()
    {
        var model = new ReplayModel("m", [Stdin, Call, Prefix]);
        Assert.Same(Call, model.Recognise("Solve this: Return the sum. Thanks"));
        Assert.Null(model.Recognise("something else entirely"));
    }

    [Fact]
    public void Samples_walk_the_recorded_outputs_and_cycle()
    {
        var model = new ReplayModel("m", [Stdin]);
        Assert.Equal(["out-0", "out-1", "out-0"], model.NextOutputs(Stdin, 3));
        Assert.Equal(["out-1"], model.NextOutputs(Stdin, 1));
    }

    [Fact]
    public void Shared_recordings_load_with_every_problem_and_a_model_name_from_the_file()
    {
        var file = LcbTestData.Recordings().Single(f => f.Contains("qwen2.5-7b-instruct", StringComparison.Ordinal));
        Assert.Equal(1055, RecordingFile.Load(file).Count);
        Assert.Equal("qwen2.5-7b-instruct", RecordingFile.ModelName(file));
        Assert.Equal("gpt-4o", RecordingFile.ModelName("/x/gpt-4o_codegeneration_eval_all.json"));
    }

    [Fact]
    public void A_recording_without_outputs_is_refused_with_its_location()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"question_id":"q","question_title":"t","question_content":"c","output_list":[]}""" + "\n");
            var error = Assert.Throws<InvalidDataException>(() => RecordingFile.Load(path));
            Assert.Contains($"{path}:1", error.Message);
            Assert.Contains("output_list", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Text(ModelPrompt prompt) =>
        prompt.SendsMessages ? string.Join("\n", prompt.Messages.Select(m => m.Content)) : prompt.Text;
}
