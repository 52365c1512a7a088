using RabbitMQ.Client;

namespace Pipeline.TestSupport;

/// <summary>
/// The one RabbitMQ helper of the tests: a node (the shared one, or a test's dedicated one), its admin tool
/// rabbitmqctl (the management plugin is off), and the virtual hosts tests create on it.
/// </summary>
public sealed record RabbitBroker(string Host, int Port, string? Node)
{
    /// <summary>The shared broker started by ./test (port 5672), used by tests in parallel: never restarted.</summary>
    public static RabbitBroker Shared { get; } = new(Servers.RabbitMqHost, 5672, Node: null);

    public Task<string> CtlAsync(params string[] arguments) =>
        ExternalCommand.RunAsync("rabbitmqctl", Node is null ? arguments : ["-n", Node, .. arguments]);

    public ConnectionFactory Factory(string virtualHost) => new() { HostName = Host, Port = Port, VirtualHost = virtualHost };

    /// <summary>A virtual host of the test's own, so services on the broker never see its messages; deleted on dispose.</summary>
    public async Task<RabbitVirtualHost> CreateVirtualHostAsync(string name)
    {
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new RabbitVirtualHost(name, this);
    }

    /// <summary>
    /// A virtual host for one test alone, test-TEST-unique: what the test declares goes with it. Declared in "/" instead,
    /// its queues would outlive it bound to the contract exchanges and keep a copy of every message a deployment publishes.
    /// </summary>
    public Task<RabbitVirtualHost> CreateTestVirtualHostAsync(string test) => CreateVirtualHostAsync($"test-{test}-{Guid.NewGuid():N}");

    /// <summary>Queue name to the value of one column (e.g. consumers, messages), for this virtual host.</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueuesAsync(string virtualHost, string column)
    {
        return ParseQueues(await CtlAsync("list_queues", "-p", virtualHost, "name", column, "--no-table-headers", "-q"));
    }

    /// <summary>The lines of `rabbitmqctl list_queues -q --no-table-headers name COLUMN`, wherever rabbitmqctl ran.</summary>
    public static IReadOnlyDictionary<string, long> ParseQueues(string listing)
    {
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', ' '))
            .Where(parts => parts.Length >= 2 && long.TryParse(parts[^1], out _))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[^1]));
    }
}
