using Microsoft.Extensions.Configuration;
using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Core.Scenarios;
using Pipeline.IntegrationTests.Grading;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Replay.Faults;
using Pipeline.Replay.Recordings;
using Pipeline.Runs;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// The whole pipeline as separate processes (Ingest, Generator, Executors, Scorer) on a RabbitMQ virtual host and
/// a Redis key prefix of its own, with the recorded <see cref="Model"/> served by an in-process replay server whose
/// faults a test can switch. Disposing stops everything and removes the virtual host and the keys.
/// </summary>
public sealed class PipelineCluster : IEvaluatedPipeline, IAsyncDisposable
{
    public const string Model = "qwen2.5-7b-instruct";

    private readonly string id = Guid.NewGuid().ToString("N")[..12];
    private readonly List<ServiceProcess> processes = [];
    private Dictionary<string, string> common = [];
    private IConnectionMultiplexer? redis;
    private RabbitVirtualHost? virtualHost;

    private PipelineCluster(ClusterOptions options)
    {
        Options = options;
        VirtualHost = $"test-e2e-{id}";
    }

    public ClusterOptions Options { get; }

    public string VirtualHost { get; }

    public string KeyPrefix => $"test-e2e-{id}:";

    public Pipeline.Replay.ReplayServer Replay { get; private set; } = null!;

    public string ModelBaseUrl => Replay.BaseUrl;

    public IRunStore Store => new RedisRunStore(redis!, new RedisKeys(KeyPrefix));

    /// <summary>The cluster's Redis, for stores a test reads or fills beside the services (under <see cref="KeyPrefix"/>).</summary>
    public IConnectionMultiplexer Redis => redis!;

    /// <summary>How the replay server's synthetic models (one per prediction scenario, made from the bundled rows) mix their answers.</summary>
    public static readonly SyntheticMix Synthetic = new() { WrongShare = 0.3, MalformedShare = 0.2, Seed = 7 };

    /// <summary>The synthetic answers of a prediction scenario's bundled rows, with the right one of each.</summary>
    public static IReadOnlyList<SyntheticItem> SyntheticItems(Scenario scenario) => SyntheticAnswers.Items(scenario,
        scenario == Scenario.TestOutputPrediction ? BundledData.TestOutputRows(LcbTestData.Folder) : BundledData.ExecutionRows(LcbTestData.Folder));

    public static async Task<PipelineCluster> StartAsync(ClusterOptions options)
    {
        var cluster = new PipelineCluster(options);
        try
        {
            await cluster.StartServicesAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public ServiceProcess Process(string name) => processes.Single(p => p.Name == name);

    /// <summary>
    /// One more Executor process, named executor-N after those started before it. One warm worker each: as many
    /// graders as this machine has cores, as the single-process demo, so time limits hold.
    /// </summary>
    public ServiceProcess StartExecutor()
    {
        var executor = ServiceProcess.Start("Executor", $"executor-{processes.Count(p => p.Name.StartsWith("executor-", StringComparison.Ordinal)) + 1}",
            With(common, ("Sandbox:Workers", "1")));
        processes.Add(executor);
        return executor;
    }

    public IConfiguration BusConfiguration() => new ConfigurationBuilder().AddInMemoryCollection(
        BusSettings().ToDictionary(setting => setting.Key, setting => (string?)setting.Value)).Build();

    public string AllOutput() => string.Join("\n", processes.Select(p => p.Output()));

    public Task<string> OutputAsync() => Task.FromResult(AllOutput());

    public Task<IReadOnlyDictionary<string, long>> QueuesAsync(string column) => Options.Broker.QueuesAsync(VirtualHost, column);

    private Dictionary<string, string> BusSettings() => new()
    {
        ["Bus:Host"] = Options.Broker.Host,
        ["Bus:Port"] = Options.Broker.Port.ToString(),
        ["Bus:VirtualHost"] = VirtualHost,
    };

    private async Task StartServicesAsync()
    {
        redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { Options.Redis }, AbortOnConnectFail = false,
        });
        virtualHost = await Options.Broker.CreateVirtualHostAsync(VirtualHost);
        Replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [LcbTestData.Recording(Model)] },
            Recorded = new Dictionary<string, IReadOnlyList<RecordedProblem>>
            {
                [SyntheticAnswers.ModelName(Scenario.TestOutputPrediction)] = SyntheticRecording.Build(SyntheticItems(Scenario.TestOutputPrediction), Synthetic),
                [SyntheticAnswers.ModelName(Scenario.CodeExecution)] = SyntheticRecording.Build(SyntheticItems(Scenario.CodeExecution), Synthetic),
            },
            Faults = new FaultOptions(),
        });
        common = new Dictionary<string, string>(BusSettings())
        {
            ["Redis:Configuration"] = Options.Redis,
            ["Stores:KeyPrefix"] = KeyPrefix,
        };
        processes.Add(ServiceProcess.Start("Ingest", "ingest", With(common, ("Dataset:Source", LcbTestData.ProblemsFile),
            ("Dataset:TestOutputPrediction", BundledData.TestOutputRows(LcbTestData.Folder)), ("Dataset:CodeExecution", BundledData.ExecutionRows(LcbTestData.Folder)))));
        processes.Add(ServiceProcess.Start("Generator", "generator", common));
        for (var executor = 1; executor <= Options.Executors; executor++)
        {
            StartExecutor();
        }
        processes.Add(ServiceProcess.Start("Scorer", "scorer", common));
        await ConsumerBindings.WaitAsync(this, Options.Executors, TimeSpan.FromMinutes(2), () =>
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{exited.Name} exited while starting\n{AllOutput()}");
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }
        if (Replay is not null)
        {
            await Replay.DisposeAsync();
        }
        if (virtualHost is not null)
        {
            await virtualHost.DisposeAsync();
        }
        if (redis is not null)
        {
            if (redis.IsConnected)
            {
                await TestKeys.DeleteAsync(redis, KeyPrefix);
            }
            await redis.DisposeAsync();
        }
    }

    private static Dictionary<string, string> With(Dictionary<string, string> common, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>(common);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }
}
