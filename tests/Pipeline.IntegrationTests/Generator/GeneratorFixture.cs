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
/// has its own queue names and Redis key prefix, so parallel test runs never meet.
/// </summary>
public sealed class GeneratorFixture : IAsyncDisposable
{
    public const string RecordedModel = "qwen2.5-7b-instruct";

    private readonly IHost host;
    private readonly ConcurrentQueue<SolutionGenerated> received;

    private GeneratorFixture(IHost host, Pipeline.Replay.ReplayServer replay, ConcurrentQueue<SolutionGenerated> received, string endpoint, Problem problem)
    {
        this.host = host;
        Replay = replay;
        this.received = received;
        GeneratorEndpoint = endpoint;
        Problem = problem;
    }

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
        var id = Guid.NewGuid().ToString("N");
        var endpoint = $"generator-test-{id}";
        var received = new ConcurrentQueue<SolutionGenerated>();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Servers.Settings($"test:{id}:"))
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
        var problem = Data.AnsweredProblem(RecordedModel);
        await host.Services.GetRequiredService<IProblemStore>().PutAsync(problem);
        await host.StartAsync();
        return new GeneratorFixture(host, replay, received, endpoint, problem);
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
        var sender = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{GeneratorEndpoint}"));
        await sender.Send(command);
    }

    /// <summary>Waits until the run has n samples (or the time is up) and returns them by sample index.</summary>
    public async Task<IReadOnlyList<SolutionGenerated>> SamplesAsync(Guid runId, int n, TimeSpan within)
    {
        try
        {
            await Wait.UntilAsync(() => received.Count(s => s.RunId == runId) >= n, within, $"{n} samples of run {runId}");
        }
        catch (TimeoutException)
        {
            // The tests assert on what did arrive, which says more than the timeout.
        }
        return received.Where(s => s.RunId == runId).OrderBy(s => s.SampleIndex).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await Replay.DisposeAsync();
        await RabbitBroker.SharedDefault.DeleteQueuesAsync(GeneratorEndpoint, $"{GeneratorEndpoint}_error", $"{GeneratorEndpoint}_skipped", $"{GeneratorEndpoint}-probe");
    }

    private sealed class SolutionProbe(ConcurrentQueue<SolutionGenerated> received) : IConsumer<SolutionGenerated>
    {
        public Task Consume(ConsumeContext<SolutionGenerated> context)
        {
            received.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}
