using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli;
using Pipeline.Cli.Evaluation;
using Pipeline.Hosting.Metrics;

namespace Pipeline.UnitTests.Hosting;

/// <summary>`lcb errors`, `lcb replay`, KEDA and the tests name the services' queues from <see cref="PipelineQueues"/>: it must be what the bus binds.</summary>
public sealed class PipelineQueuesTests
{
    [Fact]
    public async Task The_queues_the_four_services_bind_are_the_ones_PipelineQueues_names()
    {
        var bound = new BoundQueues();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "InMemory",
            ["Stores:Backend"] = "InMemory",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReceiveEndpointObserver(_ => bound);
        InProcessPipeline.AddAllServices(services, configuration);
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync(TimeSpan.FromSeconds(30));
        try
        {
            // The bus's own endpoint is not a service's queue.
            var queues = () => bound.Queues.Where(queue => queue != bus.Address.Segments[^1]).ToList();
            await Wait.UntilAsync(() => queues().Count >= PipelineQueues.All.Count, TimeSpan.FromSeconds(30), "every endpoint ready");
            Assert.Equal(PipelineQueues.All.Order(), queues().Order());
            Assert.Equal(PipelineQueues.All.Count, PipelineQueues.Consumers(executors: 3).Count);
            Assert.Equal(3, PipelineQueues.Consumers(executors: 3)["solutions-generated"]);
        }
        finally
        {
            await bus.StopAsync(TimeSpan.FromSeconds(30));
        }
    }

    private sealed class BoundQueues : IReceiveEndpointObserver
    {
        private readonly ConcurrentDictionary<string, bool> _queues = new();

        public IReadOnlyCollection<string> Queues => _queues.Keys.ToList();

        public Task Ready(ReceiveEndpointReady ready)
        {
            if (QueueDepthGauge.QueueOf(ready.InputAddress) is { } queue)
            {
                _queues.TryAdd(queue, true);
            }
            return Task.CompletedTask;
        }

        public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

        public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

        public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
    }
}
