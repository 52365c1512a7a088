using Pipeline.Contracts;
using Pipeline.Generation.Cache;
using Pipeline.Generation;
using Pipeline.Generation.ModelClient;
using Pipeline.Generation.Prompts;

namespace Pipeline.UnitTests.Generator;

public sealed class SampleGeneratorTests
{
    private static readonly GenerationRequest Request = new ModelTarget
    {
        BaseUrl = "http://127.0.0.1:1",
        Model = "m",
        Sampling = new SamplingSettings { N = 3 },
    }.Ask(CodeGenerationPrompt.Build(PromptStyle.OpenAIChat, "Q", ""));

    [Fact]
    public async Task Native_n_asks_once_and_extracts_each_answer()
    {
        var model = new ScriptedModel(Reply(["```python\na\n```", "```\nb\n```", "no code"]));
        var samples = await new SampleGenerator(model, new InMemoryGenerationCache(), new ModelServerOptions()).GenerateAsync(Request, default);
        Assert.Equal([3], model.RequestedN);
        Assert.Equal(["a", "b", ""], samples.Select(s => s.Code));
        Assert.Equal([0, 1, 2], samples.Select(s => s.SampleIndex));
        Assert.Equal("no code", samples[2].RawOutput);
        Assert.All(samples, s => Assert.Equal(10, s.CompletionTokens));
    }

    [Fact]
    public async Task Without_native_n_each_sample_is_its_own_request()
    {
        var model = new ScriptedModel(Reply(["```\nx\n```"]));
        var samples = await new SampleGenerator(model, new InMemoryGenerationCache(), new ModelServerOptions { UseNativeN = false })
            .GenerateAsync(Request, default);
        Assert.Equal([1, 1, 1], model.RequestedN);
        Assert.All(samples, s => Assert.Equal("x", s.Code));
    }

    [Fact]
    public async Task A_second_run_is_answered_from_the_cache_and_more_samples_ask_only_for_the_new_ones()
    {
        var cache = new InMemoryGenerationCache();
        var model = new ScriptedModel(Reply(["```\n1\n```", "```\n2\n```", "```\n3\n```"]));
        var generator = new SampleGenerator(model, cache, new ModelServerOptions());
        await generator.GenerateAsync(Request, default);
        var again = await generator.GenerateAsync(Request, default);
        Assert.Equal([3], model.RequestedN);
        Assert.All(again, s => Assert.True(s.FromCache));
        Assert.Equal(["1", "2", "3"], again.Select(s => s.Code));

        var five = await generator.GenerateAsync(Request with { Target = Request.Target with { Sampling = new SamplingSettings { N = 5 } } }, default);
        Assert.Equal([3, 2], model.RequestedN);
        Assert.Equal(["1", "2", "3", "1", "2"], five.Select(s => s.Code));
    }

    [Fact]
    public async Task Other_sampling_parameters_are_other_samples()
    {
        var model = new ScriptedModel(Reply(["```\n1\n```", "```\n2\n```", "```\n3\n```"]));
        var generator = new SampleGenerator(model, new InMemoryGenerationCache(), new ModelServerOptions());
        await generator.GenerateAsync(Request, default);
        await generator.GenerateAsync(Request with { Target = Request.Target with { Sampling = new SamplingSettings { N = 3, Temperature = 0.8 } } }, default);
        Assert.Equal([3, 3], model.RequestedN);
    }

    [Fact]
    public async Task Unparseable_replies_are_recorded_as_such_and_asked_again_next_time()
    {
        var unparseable = CompletionResponseParser.Parse("{oops", chat: true, expectedAnswers: 3);
        var model = new ScriptedModel(unparseable);
        var generator = new SampleGenerator(model, new InMemoryGenerationCache(), new ModelServerOptions());
        var samples = await generator.GenerateAsync(Request, default);
        Assert.All(samples, s =>
        {
            Assert.Equal("", s.Code);
            Assert.StartsWith("unparseable response", s.Issue);
        });
        await generator.GenerateAsync(Request, default);
        Assert.Equal([3, 3], model.RequestedN);
    }

    [Fact]
    public async Task Fewer_choices_than_asked_leave_flagged_samples_that_are_not_cached()
    {
        var model = new ScriptedModel(Reply(["```\n1\n```"]));
        var generator = new SampleGenerator(model, new InMemoryGenerationCache(), new ModelServerOptions());
        var samples = await generator.GenerateAsync(Request, default);
        Assert.Equal(["1", "", ""], samples.Select(s => s.Code));
        Assert.Contains("fewer than asked", samples[2].Issue);
        await generator.GenerateAsync(Request, default);
        Assert.Equal([3, 2], model.RequestedN);
    }

    [Fact]
    public async Task Reasoning_and_truncation_reach_the_sample_and_survive_the_cache_and_code_never_comes_from_reasoning()
    {
        var reply = new ModelReply
        {
            Answers = [new ModelAnswer("no fence", null, "```python\nfrom_reasoning()\n```", true), new ModelAnswer("```\nok\n```", null), new ModelAnswer("", "empty answer", "r", true)],
            Parsed = true,
        };
        var generator = new SampleGenerator(new ScriptedModel(reply), new InMemoryGenerationCache(), new ModelServerOptions());
        foreach (var samples in new[] { await generator.GenerateAsync(Request, default), await generator.GenerateAsync(Request, default) })
        {
            Assert.Equal(["", "ok", ""], samples.Select(s => s.Code));
            Assert.Equal([true, false, true], samples.Select(s => s.Truncated));
            Assert.Equal(["```python\nfrom_reasoning()\n```", null, "r"], samples.Select(s => s.Reasoning));
        }
    }

    [Fact]
    public async Task A_worker_that_lost_the_race_to_the_cache_returns_the_answers_stored_first()
    {
        var cache = new InMemoryGenerationCache();
        await new SampleGenerator(new ScriptedModel(Reply(["```\n1\n```", "```\n2\n```", "```\n3\n```"])), cache, new ModelServerOptions())
            .GenerateAsync(Request, default);
        // The second worker looked the answers up before the first one stored them, so it asked the model too.
        var late = new SampleGenerator(new ScriptedModel(Reply(["```\n7\n```", "```\n8\n```", "```\n9\n```"])), new LookupsMiss(cache), new ModelServerOptions());

        var samples = await late.GenerateAsync(Request, default);

        Assert.Equal(["1", "2", "3"], samples.Select(s => s.Code));
    }

    private sealed class LookupsMiss(IGenerationCache inner) : IGenerationCache
    {
        public Task<CachedSample?> GetAsync(GenerationKey key, CancellationToken cancellationToken = default) => Task.FromResult<CachedSample?>(null);

        public Task<CachedSample> PutAsync(GenerationKey key, CachedSample sample, CancellationToken cancellationToken = default) =>
            inner.PutAsync(key, sample, cancellationToken);
    }

    private static ModelReply Reply(IReadOnlyList<string> texts) => new()
    {
        Answers = texts.Select(t => new ModelAnswer(t, null)).ToList(),
        Parsed = true,
        PromptTokens = 5,
        CompletionTokens = 10 * texts.Count,
    };
}
