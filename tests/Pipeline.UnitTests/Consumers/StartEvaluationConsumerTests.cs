using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Dataset.Ingest;
using Pipeline.Hosting;

namespace Pipeline.UnitTests.Consumers;

/// <summary>Ingest's consumer on the test harness, over in-memory stores and the bundled rows.</summary>
public sealed class StartEvaluationConsumerTests
{
    [Fact]
    public async Task A_start_announces_the_run_with_its_problems_attributes_and_asks_for_each_problem()
    {
        await using var bus = await StartAsync();
        var start = Start(new DatasetSelection { Release = "release_latest", Platforms = ["atcoder"], Difficulties = ["easy"], Limit = 3 });

        await bus.Harness.Bus.Publish(start);

        var started = await bus.PublishedAsync<EvaluationStarted>();
        Assert.Equal(3, started.Problems.Count);
        Assert.All(started.Problems, p => Assert.Equal(("atcoder", "easy"), (p.Platform, p.Difficulty)));
        await Wait.UntilAsync(() => bus.Harness.Published.Select<GenerateSolutions>().Count() == 3, TimeSpan.FromSeconds(30), "three commands");
        var problems = bus.Services.GetRequiredService<IProblemStore>();
        foreach (var problem in started.Problems)
        {
            Assert.Equal(problem.ContestDate, (await problems.GetAsync(problem.ProblemId))!.ContestDate);
        }
    }

    [Fact]
    public async Task A_selection_matching_nothing_is_faulted_and_announces_nothing()
    {
        await using var bus = await StartAsync();

        await bus.Harness.Bus.Publish(Start(new DatasetSelection { Release = "release_latest", StartDate = new DateOnly(2030, 1, 1) }));

        var fault = await bus.PublishedAsync<Fault<StartEvaluation>>();
        Assert.Contains("matches no problem", fault.Exceptions[0].Message);
        Assert.False(await bus.Harness.Published.Any<EvaluationStarted>());
    }

    private static Task<ConsumerHarness> StartAsync() => ConsumerHarness.StartAsync(bus => bus.AddIngestConsumers(), services =>
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stores:Backend"] = "InMemory",
            ["Dataset:Source"] = LcbTestData.File("problems.jsonl"),
        }).Build();
        services.AddPipelineStores(configuration);
        services.AddIngestServices(configuration);
        services.AddLogging();
    });

    private static StartEvaluation Start(DatasetSelection selection) => new()
    {
        RunId = Guid.NewGuid(), Model = "m", BaseUrl = "http://model", Selection = selection, Sampling = new SamplingSettings { N = 1 },
    };
}
