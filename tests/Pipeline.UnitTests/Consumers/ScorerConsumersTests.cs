using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Runs;
using Pipeline.UnitTests.Scoring;

namespace Pipeline.UnitTests.Consumers;

/// <summary>The Scorer's five consumers on the test harness, over the in-memory run store.</summary>
public sealed class ScorerConsumersTests
{
    private readonly Guid _runId = Guid.NewGuid();

    [Fact]
    public async Task A_run_whose_last_verdict_arrives_completes_once_with_its_pass_at_1()
    {
        await using var bus = await StartAsync();

        foreach (var message in VerdictMessages.Of(ScorerFixtures.AllGraded(_runId, 1, (id, _) => id == "p-easy")))
        {
            await bus.Harness.Bus.Publish(message);
        }
        await bus.Harness.Bus.Publish(ScorerFixtures.Started(_runId, 1));

        var completed = await bus.PublishedAsync<EvaluationCompleted>();
        Assert.Equal((_runId, 3, 3), (completed.RunId, completed.Problems, completed.Samples));
        Assert.Equal(1.0 / 3, completed.PassAtK["pass@1"], 12);
        Assert.Single(bus.Harness.Published.Select<EvaluationCompleted>());
    }

    [Fact]
    public async Task Work_another_service_gave_up_on_is_kept_in_the_run_with_the_reason()
    {
        await using var bus = await StartAsync(refuse: true);
        await bus.Harness.Bus.Publish(ScorerFixtures.Started(_runId, 2));

        await bus.Harness.Bus.Publish(new GenerateSolutions
        {
            RunId = _runId, ProblemId = "p-easy", SuiteHash = "h", Model = "m", BaseUrl = "http://model", PromptStyle = "OpenAIChat",
            Sampling = new SamplingSettings { N = 2 }, TimeoutSeconds = 6,
        });
        await bus.Harness.Bus.Publish(new SolutionsGenerated
        {
            RunId = _runId, ProblemId = "p-hard", Solutions =
            [
                new SolutionGenerated { RunId = _runId, ProblemId = "p-hard", SampleIndex = 0, SuiteHash = "h", Code = "print(0)", TimeoutSeconds = 6 },
                new SolutionGenerated { RunId = _runId, ProblemId = "p-hard", SampleIndex = 1, SuiteHash = "h", Code = "print(1)", TimeoutSeconds = 6 },
            ],
        });
        await bus.Harness.Bus.Publish(new StartEvaluation
        {
            RunId = _runId, Model = "m", BaseUrl = "http://model", PromptStyle = "OpenAIChat", Selection = new DatasetSelection { Release = "v6" },
            Sampling = new SamplingSettings(), Ks = [1], TimeoutSeconds = 6,
        });

        var runs = bus.Services.GetRequiredService<IRunStore>();
        var parked = await Wait.UntilAsync(() => runs.GetParkedAsync(_runId), p => p.Count == 3, TimeSpan.FromSeconds(30), "all parked");
        Assert.Equal([("p-easy", (int?)null, 2, ParkedWork.Generation), ("p-hard", 0, 1, ParkedWork.Grading), ("p-hard", 1, 1, ParkedWork.Grading)],
            parked.OrderBy(p => p.ProblemId).ThenBy(p => p.SampleIndex).Select(p => (p.ProblemId, p.SampleIndex, p.Samples, p.Stage)));
        Assert.All(parked, p => Assert.Equal("InvalidDataException: refused by the test", p.Reason));
        var failed = await Wait.UntilAsync(() => runs.GetFailedStartAsync(_runId), f => f is not null, TimeSpan.FromSeconds(30), "the failed start");
        Assert.Equal(("m", "InvalidDataException: refused by the test"), (failed!.Model, failed.Reason));
    }

    private static Task<ConsumerHarness> StartAsync(bool refuse = false) => ConsumerHarness.StartAsync(bus =>
    {
        bus.AddScorerConsumers();
        if (refuse)
        {
            // The services that would have handled these: they give up, so MassTransit publishes a Fault<T> of each.
            bus.AddConsumer<Refusing<GenerateSolutions>>();
            bus.AddConsumer<Refusing<SolutionsGenerated>>();
            bus.AddConsumer<Refusing<StartEvaluation>>();
        }
    }, services =>
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Stores:Backend"] = "InMemory" }).Build();
        services.AddScorer(configuration);
    });

    private sealed class Refusing<T> : IConsumer<T> where T : class
    {
        public Task Consume(ConsumeContext<T> context) => throw new InvalidDataException("refused by the test");
    }
}
