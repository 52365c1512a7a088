using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Stores;
using Pipeline.Generation;
using Pipeline.Hosting;
using Pipeline.Dataset;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Replay.Faults;

namespace Pipeline.IntegrationTests.Generator;

/// <summary>
/// The Generator service on real RabbitMQ and Redis, talking to the replay server over HTTP. Every fixture
/// has its own virtual host and Redis key prefix, so parallel test runs never meet; disposing deletes the virtual host.
/// </summary>
public sealed class GeneratorFixture : IAsyncDisposable
{
    public const string RecordedModel = "qwen2.5-7b-instruct";

    private readonly IHost _host;
    private readonly ConcurrentQueue<SolutionGenerated> _received;

    private GeneratorFixture(
        IHost host, RabbitVirtualHost virtualHost, Pipeline.Replay.ReplayServer replay, ConcurrentQueue<SolutionGenerated> received, string endpoint, Problem problem)
    {
        _host = host;
        VirtualHost = virtualHost;
        Replay = replay;
        _received = received;
        GeneratorEndpoint = endpoint;
        Problem = problem;
    }

    /// <summary>Where the Generator's queues are, e.g. its _error queue.</summary>
    public RabbitVirtualHost VirtualHost { get; }

    public Pipeline.Replay.ReplayServer Replay { get; }

    public string GeneratorEndpoint { get; }

    /// <summary>A problem from tests/data/lcb/problems.jsonl that the recorded model answered, stored in Redis.</summary>
    public Problem Problem { get; }

    public static async Task<GeneratorFixture> StartAsync(FaultOptions faults, int maxRetryAttempts, bool nativeN)
    {
        var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { [RecordedModel] = [LcbTestData.Recording(RecordedModel)] },
            Faults = faults,
        });
        var virtualHost = await RabbitBroker.Shared.CreateTestVirtualHostAsync("generator");
        var id = Guid.NewGuid().ToString("N");
        var endpoint = $"generator-test-{id}";
        var received = new ConcurrentQueue<SolutionGenerated>();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Servers.Settings($"test:{id}:", virtualHost.Name))
        {
            ["ModelServer:UseNativeN"] = nativeN.ToString(),
            ["ModelServer:MaxRetryAttempts"] = maxRetryAttempts.ToString(),
            ["ModelServer:RetryBaseDelay"] = "00:00:00.020",
            ["ModelServer:RetryMaxDelay"] = "00:00:00.200",
            ["ModelServer:AttemptTimeout"] = "00:00:10",
            // One message retry, soon: the production pauses (15 s and up) would only slow the tests.
            ["Retry:ModelServer:Exponential"] = "1",
            ["Retry:ModelServer:MinInterval"] = "00:00:00.100",
        });
        builder.Services.AddPipelineStores(builder.Configuration);
        builder.Services.AddGenerator(builder.Configuration);
        builder.Services.AddSingleton(received);
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
        {
            bus.AddGeneratorConsumers(endpoint);
            bus.AddConsumer<SolutionProbe>().Endpoint(e => e.Name = $"{endpoint}-probe");
        });
        var host = builder.Build();
        try
        {
            var problem = Data.AnsweredProblem(RecordedModel);
            await host.Services.GetRequiredService<IProblemStore>().PutAsync(problem);
            await host.StartAsync();
            return new GeneratorFixture(host, virtualHost, replay, received, endpoint, problem);
        }
        catch
        {
            // No test disposes a fixture that never started: its virtual host would be left on the broker.
            host.Dispose();
            await replay.DisposeAsync();
            await virtualHost.DisposeAsync();
            throw;
        }
    }

    public GenerateSolutions Command(int n) => new()
    {
        RunId = Guid.NewGuid(),
        ProblemId = Problem.QuestionId,
        SuiteHash = Problem.SuiteHash,
        Model = RecordedModel,
        BaseUrl = Replay.BaseUrl + "/v1",
        PromptStyle = "chat",
        Sampling = new SamplingSettings { N = n },
        TimeoutSeconds = 6,
    };

    public async Task SendAsync(GenerateSolutions command)
    {
        var sender = await _host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{GeneratorEndpoint}"));
        await sender.Send(command);
    }

    /// <summary>Waits until the run has n samples (or the time is up) and returns them by sample index.</summary>
    public async Task<IReadOnlyList<SolutionGenerated>> SamplesAsync(Guid runId, int n, TimeSpan within)
    {
        try
        {
            await Wait.UntilAsync(() => _received.Count(s => s.RunId == runId) >= n, within, $"{n} samples of run {runId}");
        }
        catch (TimeoutException)
        {
            // The tests assert on what did arrive, which says more than the timeout.
        }
        return _received.Where(s => s.RunId == runId).OrderBy(s => s.SampleIndex).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await Replay.DisposeAsync();
        await VirtualHost.DisposeAsync();
    }

    private sealed class SolutionProbe(ConcurrentQueue<SolutionGenerated> received) : IConsumer<SolutionsGenerated>
    {
        public Task Consume(ConsumeContext<SolutionsGenerated> context)
        {
            foreach (var sample in context.Message.Solutions)
            {
                received.Enqueue(sample);
            }
            return Task.CompletedTask;
        }
    }
}
