namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>A RabbitMQ node tests can use: where clients connect, and its rabbitmqctl (node null: the machine's default node).</summary>
public sealed record RabbitBroker(string Host, int Port, string? Node)
{
    /// <summary>The shared broker started by ./test (port 5672), used by tests in parallel: never restarted.</summary>
    public static RabbitBroker Shared { get; } = new(Servers.RabbitMqHost, 5672, Node: null);

    public Task<string> CtlAsync(params string[] arguments) =>
        RabbitMqCtl.RunAsync(Node is null ? arguments : ["-n", Node, .. arguments]);

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
