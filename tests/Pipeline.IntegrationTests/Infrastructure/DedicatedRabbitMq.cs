namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A RabbitMQ node owned by one test (own node name, ports, data and log directories), so the test can restart
/// it without touching the shared broker. Restarting keeps its data directory: durable queues and persistent
/// messages come back, as on a production restart. The Debian wrapper runs the node as user rabbitmq, so the
/// directory is writable by all.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DedicatedRabbitMq : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    private readonly string _directory;
    private readonly Dictionary<string, string> _environment;

    private DedicatedRabbitMq(string directory, RabbitBroker broker, Dictionary<string, string> environment)
    {
        _directory = directory;
        Broker = broker;
        _environment = environment;
    }

    public RabbitBroker Broker { get; }

    public static async Task<DedicatedRabbitMq> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("pipeline-rabbitmq-").FullName;
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        var plugins = Path.Combine(directory, "enabled_plugins");
        await File.WriteAllTextAsync(plugins, "[]."); // no management listener to collide with the shared node's
        File.SetUnixFileMode(plugins, (UnixFileMode)0b110_110_110);
        var node = $"pipeline-test-{Guid.NewGuid():N}"[..26] + "@" + System.Net.Dns.GetHostName().Split('.')[0];
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(),
            ["RABBITMQ_DIST_PORT"] = FreePort.Next().ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
        };
        var rabbit = new DedicatedRabbitMq(directory, new RabbitBroker("127.0.0.1", port, node), environment);
        await rabbit.StartNodeAsync();
        return rabbit;
    }

    /// <summary>A clean stop (rabbitmqctl stop) and a start of the same node on the same data.</summary>
    public async Task StopAsync() => await Broker.CtlAsync("stop");

    public async Task StartNodeAsync()
    {
        await ExternalCommand.RunAsync("rabbitmq-server", ["-detached"], _environment);
        if (!await FreePort.WaitUntilListeningAsync(Broker.Port, StartLimit))
        {
            throw new InvalidOperationException($"RabbitMQ node {Broker.Node} did not listen on {Broker.Port} within {StartLimit}; logs in {_directory}/log");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        Directory.Delete(_directory, recursive: true);
    }
}
