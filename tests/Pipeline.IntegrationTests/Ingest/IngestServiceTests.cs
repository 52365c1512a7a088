using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Hosting;
using Pipeline.Dataset.Ingest;
using Pipeline.IntegrationTests.Grading;
using Pipeline.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Ingest;

/// <summary>The Ingest service on real RabbitMQ and Redis: a StartEvaluation becomes stored problems and the run's first messages.</summary>
public sealed class IngestServiceTests
{
    [Fact]
    public async Task StartEvaluation_stores_the_selection_and_asks_for_solutions_by_suite_hash()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis + ",allowAdmin=true");
        await using var prefix = new RedisPrefix(redis);
        await using var vhost = await RabbitBroker.Shared.CreateTestVirtualHostAsync("ingest");
        var runId = Guid.NewGuid();
        var seen = new Seen(runId);
        using var host = BuildHost(prefix.Value, vhost, seen);
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<IBus>().Publish(new StartEvaluation
            {
                RunId = runId,
                Model = "m",
                BaseUrl = "http://model",
                Selection = new DatasetSelection { Release = "release_latest", Platforms = ["leetcode"], Limit = 5 },
                Sampling = new SamplingSettings { N = 3 },
                Ks = [1, 3],
            });
            var started = await seen.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await seen.AllCommands(5).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(5, started.Problems.Count);
            Assert.Equal(3, started.SamplesPerProblem);
            Assert.Equal([1, 3], started.Ks);
            Assert.Equal(started.Problems.Select(p => p.ProblemId).Order(), seen.Commands.Keys.Order());
            var problems = host.Services.GetRequiredService<IProblemStore>();
            var suites = host.Services.GetRequiredService<ISuiteStore>();
            foreach (var command in seen.Commands.Values)
            {
                var problem = await problems.GetAsync(command.ProblemId);
                Assert.Equal(("leetcode", command.SuiteHash), (problem!.Platform, problem.SuiteHash));
                Assert.Equal(command.SuiteHash, (await suites.GetAsync(command.SuiteHash))!.Hash);
                Assert.Equal(("m", "http://model", 3), (command.Model, command.BaseUrl, command.Sampling.N));
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost BuildHost(string keyPrefix, RabbitVirtualHost vhost, Seen seen)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Servers.Settings(keyPrefix, vhost.Name))
        {
            ["Dataset:Source"] = LcbTestData.ProblemsFile,
        });
        builder.Services.AddSingleton(seen);
        builder.Services.AddPipelineStores(builder.Configuration);
        builder.Services.AddIngestServices(builder.Configuration);
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
        {
            bus.AddIngestConsumers(Temporary("ingest"));
            bus.AddConsumer<StartedProbe>().Endpoint(Temporary("started-probe"));
            bus.AddConsumer<CommandProbe>().Endpoint(Temporary("command-probe"));
        });
        return builder.Build();
    }

    private static Action<IEndpointRegistrationConfigurator> Temporary(string name) => endpoint =>
    {
        endpoint.Name = $"{name}-{Guid.NewGuid():N}";
        endpoint.Temporary = true;
    };

    /// <summary>What this test's run produced; messages of other runs on the shared broker are ignored.</summary>
    private sealed class Seen(Guid runId)
    {
        private readonly TaskCompletionSource _commandsArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _expected = int.MaxValue;

        public TaskCompletionSource<EvaluationStarted> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentDictionary<string, GenerateSolutions> Commands { get; } = new();

        public Task AllCommands(int count)
        {
            _expected = count;
            Check();
            return _commandsArrived.Task;
        }

        public void Add(EvaluationStarted started)
        {
            if (started.RunId == runId)
            {
                Started.TrySetResult(started);
            }
        }

        public void Add(GenerateSolutions command)
        {
            if (command.RunId == runId)
            {
                Commands[command.ProblemId] = command;
                Check();
            }
        }

        private void Check()
        {
            if (Commands.Count >= _expected)
            {
                _commandsArrived.TrySetResult();
            }
        }
    }

    private sealed class StartedProbe(Seen seen) : IConsumer<EvaluationStarted>
    {
        public Task Consume(ConsumeContext<EvaluationStarted> context)
        {
            seen.Add(context.Message);
            return Task.CompletedTask;
        }
    }

    private sealed class CommandProbe(Seen seen) : IConsumer<GenerateSolutions>
    {
        public Task Consume(ConsumeContext<GenerateSolutions> context)
        {
            seen.Add(context.Message);
            return Task.CompletedTask;
        }
    }
}
