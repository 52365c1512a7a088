using Pipeline.Generation.ModelClient;

namespace Pipeline.UnitTests.Generator;

public sealed class CompletionResponseParserTests
{
    [Fact]
    public void Chat_choices_come_in_index_order_with_usage()
    {
        var body = """
            {"choices":[{"index":1,"message":{"role":"assistant","content":"second"}},
                        {"index":0,"message":{"role":"assistant","content":"first"}}],
             "usage":{"prompt_tokens":12,"completion_tokens":30}}
            """;
        var reply = CompletionResponseParser.Parse(body, chat: true, expectedAnswers: 2);
        Assert.True(reply.Parsed);
        Assert.Equal(["first", "second"], reply.Answers.Select(a => a.Text));
        Assert.All(reply.Answers, a => Assert.Null(a.Issue));
        Assert.Equal((12, 30), (reply.PromptTokens, reply.CompletionTokens));
    }

    [Fact]
    public void Reasoning_content_is_kept_apart_and_a_length_stop_marks_the_answer_truncated()
    {
        var body = """
            {"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","reasoning_content":"```python\nwrong()\n```","content":"```python\nright()\n```"}},
                        {"index":1,"finish_reason":"length","message":{"role":"assistant","reasoning_content":"thinking...","content":null}},
                        {"index":2,"finish_reason":"length","message":{"role":"assistant","content":"```python\npartial("}}]}
            """;
        var answers = CompletionResponseParser.Parse(body, chat: true, expectedAnswers: 3).Answers;
        Assert.Equal(new ModelAnswer("```python\nright()\n```", null, "```python\nwrong()\n```", false), answers[0]);
        Assert.Equal(new ModelAnswer("", "empty answer (stopped at the token limit)", "thinking...", true), answers[1]);
        Assert.Equal(new ModelAnswer("```python\npartial(", null, null, true), answers[2]);
        var completion = CompletionResponseParser.Parse("""{"choices":[{"index":0,"text":"x","finish_reason":"length"}]}""", chat: false, expectedAnswers: 1);
        Assert.True(completion.Answers.Single().Truncated);
    }

    [Fact]
    public void A_choice_that_is_not_text_fails_as_that_sample_only()
    {
        // half of a surrogate pair, escaped: valid JSON (Python's json.dumps writes it), but no string .NET can hold
        var body = """{"choices":[{"index":0,"message":{"content":"\ud800"}},{"index":1,"message":{"content":"fine"}}]}""";

        var reply = CompletionResponseParser.Parse(body, chat: true, expectedAnswers: 2);

        Assert.True(reply.Parsed);
        Assert.Equal("", reply.Answers[0].Text);
        Assert.Contains("'content' is not text", reply.Answers[0].Issue);
        Assert.Equal(new ModelAnswer("fine", null, null, false), reply.Answers[1]);
    }

    [Fact]
    public void Completion_text_is_read_from_text()
    {
        var reply = CompletionResponseParser.Parse("""{"choices":[{"index":0,"text":"def f(): pass"}]}""", chat: false, expectedAnswers: 1);
        Assert.Equal("def f(): pass", reply.Answers.Single().Text);
        Assert.Equal(0, reply.PromptTokens);
    }

    [Fact]
    public void Null_or_empty_content_is_an_empty_answer_not_code()
    {
        var reply = CompletionResponseParser.Parse(
            """{"choices":[{"index":0,"message":{"content":null}},{"index":1,"message":{"content":""}}]}""", chat: true, expectedAnswers: 2);
        Assert.True(reply.Parsed);
        Assert.All(reply.Answers, a => Assert.Equal(new ModelAnswer("", "empty answer"), a));
    }

    [Theory]
    [InlineData("{\"choices\": [")]
    [InlineData("<html>bad gateway</html>")]
    [InlineData("{\"error\":\"no choices\"}")]
    public void An_unparseable_body_gives_one_flagged_empty_answer_per_sample(string body)
    {
        var reply = CompletionResponseParser.Parse(body, chat: true, expectedAnswers: 3);
        Assert.False(reply.Parsed);
        Assert.Equal(3, reply.Answers.Count);
        Assert.All(reply.Answers, a =>
        {
            Assert.Equal("", a.Text);
            Assert.StartsWith("unparseable response", a.Issue);
        });
    }
}
