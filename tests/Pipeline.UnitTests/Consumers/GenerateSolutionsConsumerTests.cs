using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Generation;
using Pipeline.Generation.Cache;
using Pipeline.Generation.ModelClient;
using Pipeline.Generation.SelfRepair;
using Pipeline.UnitTests.Generator;
using Pipeline.UnitTests.Scoring;

namespace Pipeline.UnitTests.Consumers;

/// <summary>The Generator's consumer on the test harness, with a scripted model server.</summary>
public sealed class GenerateSolutionsConsumerTests
{
    private readonly InMemoryProblemStore _problems = new();
    private readonly ScriptedModel _model = new(new ModelReply
    {
        Answers = [new ModelAnswer("```python\nprint(1)\n```", null), new ModelAnswer("", "empty answer")],
        Parsed = true,
    });

    [Fact]
    public async Task A_problems_samples_are_published_together_with_their_code_or_why_they_have_none()
    {
        await _problems.PutAsync(ScorerFixtures.Problems[0]);
        await using var bus = await StartAsync();

        await bus.Harness.Bus.Publish(Command(ScorerFixtures.Problems[0].QuestionId));

        var message = await bus.PublishedAsync<SolutionsGenerated>();
        Assert.Equal("p-easy", message.ProblemId);
        var samples = message.Solutions;
        Assert.Equal([(0, "print(1)", null), (1, "", "empty answer")], samples.Select(s => (s.SampleIndex, s.Code, s.GenerationIssue)));
        Assert.All(samples, s => Assert.Equal((message.RunId, "p-easy"), (s.RunId, s.ProblemId)));
        Assert.All(samples, s => Assert.Equal(("hash-p-easy", 6.0), (s.SuiteHash, s.TimeoutSeconds)));
    }

    [Fact]
    public async Task A_problem_never_ingested_is_faulted_without_asking_the_model()
    {
        await using var bus = await StartAsync();

        await bus.Harness.Bus.Publish(Command("p-missing"));

        var fault = await bus.PublishedAsync<Fault<GenerateSolutions>>();
        Assert.Contains("p-missing", fault.Exceptions[0].Message);
        Assert.Empty(_model.RequestedN);
    }

    private Task<ConsumerHarness> StartAsync() => ConsumerHarness.StartAsync(bus => bus.AddGeneratorConsumers(), services =>
    {
        services.AddSingleton<IProblemStore>(_problems);
        services.AddSingleton(new SampleGenerator(_model, new InMemoryGenerationCache(), new ModelServerOptions()));
        services.AddSingleton<ICodegenStore, InMemoryCodegenStore>();
        services.AddSingleton<ScenarioSampler>();
    });

    private static GenerateSolutions Command(string problemId) => new()
    {
        RunId = Guid.NewGuid(), ProblemId = problemId, SuiteHash = "hash-" + problemId, Model = "m", BaseUrl = "http://model",
        PromptStyle = "OpenAIChat", Sampling = new SamplingSettings { N = 2 }, TimeoutSeconds = 6,
    };
}
