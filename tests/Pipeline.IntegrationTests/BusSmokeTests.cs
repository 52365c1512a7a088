using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Hosting;

namespace Pipeline.IntegrationTests;

public sealed class BusSmokeTests
{
    [Fact]
    public async Task A_message_published_on_real_RabbitMQ_reaches_its_consumer()
    {
        await using var vhost = await RabbitBroker.Shared.CreateTestVirtualHostAsync("smoke");
        var received = new TaskCompletionSource<EvaluationCompleted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Servers.BusSettings(vhost.Name));
        builder.Services.AddSingleton(received);
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
            bus.AddConsumer<Probe>().Endpoint(e => e.Name = $"smoke-{Guid.NewGuid():N}"));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var runId = Guid.NewGuid();
            await host.Services.GetRequiredService<IBus>().Publish(new EvaluationCompleted
            {
                RunId = runId, Model = "m", PassAtK = new Dictionary<string, double> { ["pass@1"] = 0.5 }, Problems = 1, Samples = 1,
            });
            var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(runId, message.RunId);
            Assert.Equal(0.5, message.PassAtK["pass@1"]);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private sealed class Probe(TaskCompletionSource<EvaluationCompleted> received) : IConsumer<EvaluationCompleted>
    {
        public Task Consume(ConsumeContext<EvaluationCompleted> context)
        {
            received.TrySetResult(context.Message);
            return Task.CompletedTask;
        }
    }
}
