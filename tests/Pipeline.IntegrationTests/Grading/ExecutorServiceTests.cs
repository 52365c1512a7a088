using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Stores;
using Pipeline.Grading;
using Pipeline.Hosting;
using Pipeline.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Grading;

/// <summary>The Executor service over real RabbitMQ and Redis with the bubblewrap backend.</summary>
public sealed class ExecutorServiceTests
{
    private static readonly TestSuite AddTwo = new()
    {
        Tests = [new TestCase("1 2\n", "3\n", "stdin"), new TestCase("5 5\n", "10\n", "stdin")],
    };

    [Fact]
    public async Task Graded_samples_are_published_with_their_official_verdicts()
    {
        await using var vhost = await RabbitBroker.Shared.CreateTestVirtualHostAsync("executor");
        var (host, inbox) = await StartAsync(vhost, new Dictionary<string, string?>());
        try
        {
            var runId = Guid.NewGuid();
            await host.Services.GetRequiredService<ISuiteStore>().PutAsync(AddTwo);
            var hash = AddTwo.Hash;
            var bus = host.Services.GetRequiredService<IBus>();
            await bus.Publish(Message(runId,
                Sample(runId, 0, hash, "a, b = map(int, input().split())\nprint(a + b)"),
                Sample(runId, 1, hash, "print(3)")));

            var right = await inbox.GradedAsync(runId, 0);
            var wrong = await inbox.GradedAsync(runId, 1);
            Assert.Equal([1, 1], right.Results);
            Assert.True(right.Passed);
            Assert.Equal([1, -2], wrong.Results);
            Assert.False(wrong.Passed);
            Assert.Contains("Wrong answer at output_line_idx=0: 3 != 10", wrong.MetadataJson);
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [Fact]
    public async Task A_sandbox_that_cannot_start_faults_the_message_instead_of_scoring_it()
    {
        await using var vhost = await RabbitBroker.Shared.CreateTestVirtualHostAsync("executor");
        var (host, inbox) = await StartAsync(vhost, new Dictionary<string, string?> { ["Sandbox:Process:Bubblewrap"] = "/nonexistent/bwrap" });
        try
        {
            var runId = Guid.NewGuid();
            await host.Services.GetRequiredService<ISuiteStore>().PutAsync(AddTwo);
            await host.Services.GetRequiredService<IBus>().Publish(Message(runId, Sample(runId, 0, AddTwo.Hash, "print(3)")));

            var fault = await inbox.FaultAsync(runId);
            Assert.Contains(fault.Exceptions, e => e.ExceptionType.Contains(nameof(SandboxFaultException)));
            Assert.False(inbox.AnyGraded(runId));
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private static SolutionsGenerated Message(Guid runId, params SolutionGenerated[] samples) => new()
    {
        RunId = runId, ProblemId = "p", Solutions = samples,
    };

    private static SolutionGenerated Sample(Guid runId, int index, string hash, string code) => new()
    {
        RunId = runId, ProblemId = "p", SampleIndex = index, SuiteHash = hash, Code = code, TimeoutSeconds = 6,
    };

    private static async Task<(IHost Host, Inbox Inbox)> StartAsync(RabbitVirtualHost vhost, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        var prefix = $"test:{Guid.NewGuid():N}:"; // the verdict store's keys too: no test reuses another's verdicts
        var all = Servers.Settings(prefix, vhost.Name);
        all["Sandbox:Workers"] = "2";
        all["Retry:Stores:Exponential"] = "2"; // a sandbox that cannot start is parked in about a second, not the production ~45 s
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(all);
        var inbox = new Inbox();
        builder.Services.AddSingleton(inbox);
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(Servers.Redis));
        builder.Services.AddSingleton<ISuiteStore>(provider => new RedisSuiteStore(provider.GetRequiredService<IConnectionMultiplexer>(), new RedisKeys(prefix)));
        builder.Services.AddExecutorGrading(builder.Configuration);
        var unique = Guid.NewGuid().ToString("N");
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
        {
            bus.AddExecutorConsumers($"executor-{unique}");
            bus.AddConsumer<InboxConsumer>().Endpoint(e => e.Name = $"graded-{unique}");
        });
        var host = builder.Build();
        await host.StartAsync();
        return (host, inbox);
    }
}
