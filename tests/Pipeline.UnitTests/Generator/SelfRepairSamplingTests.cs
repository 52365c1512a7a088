using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Generation;
using Pipeline.Generation.Cache;
using Pipeline.Generation.ModelClient;
using Pipeline.Generation.Prompts;
using Pipeline.Generation.SelfRepair;

namespace Pipeline.UnitTests.Generator;

/// <summary>The Generator's self-repair of one problem: the samples come from the codegen store, not from one prompt.</summary>
public sealed class SelfRepairSamplingTests
{
    private const string WrongAnswer = """{"error_code": -2, "error_message": "Wrong Answer", "inputs": "1", "output": "2", "expected": "3"}""";

    private static readonly CodegenProblem Original = new()
    {
        QuestionId = "q1",
        QuestionContent = "Print the input plus two.",
        Samples =
        [
            new CodegenSample { Output = "```python\nprint(1)\n```", Code = "print(1)", Passed = false, MetadataJson = WrongAnswer },
            new CodegenSample { Output = "kept:\n```python\nprint(int(input()) + 2)\n```", Code = "ignored", Passed = true, MetadataJson = "{}" },
            new CodegenSample { Output = "```python\nprint(1)\n```", Code = "print(1)", Passed = false, MetadataJson = WrongAnswer },
        ],
    };

    private readonly InMemoryCodegenStore _store = new();
    private readonly CountingModel _model = new();
    private readonly Guid _runId = Guid.NewGuid();

    [Fact]
    public async Task Failing_samples_are_sent_each_under_its_own_index_and_passing_ones_keep_their_answer_re_extracted()
    {
        await _store.PutAsync(_runId, new CodegenRun { Source = "test", Problems = [Original] });
        var sampler = new ScenarioSampler(new SampleGenerator(_model, new InMemoryGenerationCache(), new ModelServerOptions()), _store);

        var samples = await sampler.SampleAsync(Command(), Problem(), default);

        // Samples 0 and 2 have the same prompt; each is its own sample (own cache key), as the official runner asks each once.
        Assert.Equal(2, _model.Prompts.Count);
        Assert.All(_model.Prompts, prompt => Assert.Contains("Generated Output: 2", prompt));
        Assert.Equal([0, 1, 2], samples.Select(s => s.SampleIndex));
        Assert.Equal("print(int(input()) + 2)", samples[1].Code);
        Assert.Equal(Original.Samples[1].Output, samples[1].RawOutput);
        Assert.NotEqual(samples[0].Code, samples[2].Code);

        var again = await sampler.SampleAsync(Command(), Problem(), default);
        Assert.Equal(2, _model.Prompts.Count);
        Assert.Equal(samples.Select(s => s.Code), again.Select(s => s.Code));
    }

    [Fact]
    public async Task A_problem_the_codegen_store_lacks_is_refused_for_good()
    {
        var sampler = new ScenarioSampler(new SampleGenerator(_model, new InMemoryGenerationCache(), new ModelServerOptions()), _store);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => sampler.SampleAsync(Command(), Problem(), default));

        Assert.Contains("no code-generation samples of 'q1'", error.Message);
        Assert.Empty(_model.Prompts);
    }

    private GenerateSolutions Command() => new()
    {
        RunId = _runId, ProblemId = "q1", SuiteHash = "h", Model = "m", BaseUrl = "http://127.0.0.1:1", PromptStyle = "OpenAIChat",
        Scenario = "selfrepair", Sampling = new SamplingSettings { N = 3 }, TimeoutSeconds = 6,
    };

    private static Problem Problem() => new()
    {
        QuestionId = "q1", QuestionTitle = "t", QuestionContent = Original.QuestionContent, Platform = "atcoder", Difficulty = "easy",
        ContestId = "c", ContestDate = new DateTime(2024, 1, 1), StarterCode = "", Metadata = "{}", SuiteHash = "h",
        PublicTests = 1, PrivateTests = 0,
    };

    /// <summary>Answers each request with a new program and records the prompts it was sent.</summary>
    private sealed class CountingModel : IModelClient
    {
        public List<string> Prompts { get; } = [];

        public Task<ModelReply> CompleteAsync(string baseUrl, string model, ModelPrompt prompt, SamplingSettings sampling, int n, CancellationToken cancellationToken)
        {
            int count;
            lock (Prompts)
            {
                Prompts.Add(string.Join("\n", prompt.Messages.Select(m => m.Content)) + prompt.Text);
                count = Prompts.Count;
            }
            return Task.FromResult(new ModelReply { Answers = [new ModelAnswer($"```python\nprint({count})\n```", null)], Parsed = true });
        }

        public Task<IReadOnlyList<string>> ListModelsAsync(string baseUrl, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(["m"]);
    }
}
