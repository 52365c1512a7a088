using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Hosting;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Scorer;

/// <summary>The Scorer's consumers on real RabbitMQ and Redis: duplicates, a late EvaluationStarted, one completion.</summary>
public sealed class ScorerBusTests
{
    private const int SamplesPerProblem = 5;

    [Fact]
    public async Task Duplicated_verdicts_around_a_late_start_are_counted_once_and_completion_is_published_once()
    {
        var testId = Guid.NewGuid().ToString("N");
        var keyPrefix = $"test:{testId}:";
        var completions = new ConcurrentQueue<EvaluationCompleted>();
        await using var vhost = await RabbitBroker.Shared.CreateTestVirtualHostAsync("scorer");
        using var host = BuildHost(testId, keyPrefix, vhost, completions);
        await host.StartAsync();
        try
        {
            var runId = Guid.NewGuid();
            var bus = host.Services.GetRequiredService<IBus>();
            var graded = ScorerProblems.AllGraded(runId, SamplesPerProblem);
            var half = graded.Count / 2;
            await PublishTwiceAsync(bus, graded[..half]);
            await bus.Publish(ScorerProblems.Started(runId, SamplesPerProblem));
            await PublishTwiceAsync(bus, graded[half..]);

            var store = host.Services.GetRequiredService<IRunStore>();
            await Wait.UntilAsync(() => completions.Any(c => c.RunId == runId), TimeSpan.FromSeconds(60), "the run to complete");
            // Every duplicate is still in flight or done; give stragglers time to (wrongly) complete again.
            await Task.Delay(TimeSpan.FromSeconds(3));

            var completed = Assert.Single(completions, c => c.RunId == runId);
            var expected = Enumerable.Range(0, ScorerProblems.All.Count)
                .Average(i => PassAtK.Estimate(SamplesPerProblem, ScorerProblems.CorrectOf(i, SamplesPerProblem), 1));
            Assert.Equal(expected, completed.PassAtK["pass@1"], 12);
            Assert.Equal(graded.Count, completed.Samples);
            Assert.Equal(graded.Count, (await store.GetVerdictsAsync(runId)).Count);
            Assert.Equal(graded.Count, (await store.GetCountsAsync(runId)).Values.Sum(c => c.Samples));
            Assert.NotNull(await store.GetReportAsync(runId));
        }
        finally
        {
            await host.StopAsync();
            await TestKeys.DeleteAsync(host.Services.GetRequiredService<IConnectionMultiplexer>(), keyPrefix);
        }
    }

    private static IHost BuildHost(string testId, string keyPrefix, RabbitVirtualHost vhost, ConcurrentQueue<EvaluationCompleted> completions)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Servers.Settings(keyPrefix, vhost.Name));
        builder.Services.AddSingleton(completions);
        builder.Services.AddScorer(builder.Configuration);
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
        {
            bus.AddScorerConsumers(instanceId: testId);
            bus.AddConsumer<CompletionProbe>().Endpoint(e =>
            {
                e.Name = $"scorer-completions-{testId}";
                e.Temporary = true;
            });
        });
        return builder.Build();
    }

    private static async Task PublishTwiceAsync(IBus bus, IEnumerable<SolutionGraded> verdicts)
    {
        foreach (var message in VerdictMessages.Of(verdicts))
        {
            await bus.Publish(message);
            await bus.Publish(message);
        }
    }

    private sealed class CompletionProbe(ConcurrentQueue<EvaluationCompleted> completions) : IConsumer<EvaluationCompleted>
    {
        public Task Consume(ConsumeContext<EvaluationCompleted> context)
        {
            completions.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}
