using System.Diagnostics;
using StackExchange.Redis;

namespace Pipeline.Bench;

/// <summary>
/// A fresh RabbitMQ virtual host and Redis key prefix on the local servers for one benchmark run, removed afterwards,
/// so the benchmark never touches a deployment's queues or keys on the same servers.
/// </summary>
internal sealed class BrokerAndRedis : IAsyncDisposable
{
    private readonly string id = $"bench-{Guid.NewGuid():N}"[..18];
    private IConnectionMultiplexer? redis;

    private BrokerAndRedis()
    {
    }

    private static string RedisAddress => Environment.GetEnvironmentVariable("PIPELINE_Redis__Configuration") ?? "localhost:6379";

    public string VirtualHost => id;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:VirtualHost"] = id,
        ["Stores:Backend"] = "Redis",
        ["Stores:KeyPrefix"] = id + ":",
        ["Redis:Configuration"] = RedisAddress,
    };

    public static async Task<BrokerAndRedis> CreateAsync()
    {
        var servers = new BrokerAndRedis();
        await RabbitMqCtl("add_vhost", servers.id);
        await RabbitMqCtl("set_permissions", "-p", servers.id, "guest", ".*", ".*", ".*");
        servers.redis = await ConnectionMultiplexer.ConnectAsync(RedisAddress);
        return servers;
    }

    public async ValueTask DisposeAsync()
    {
        await RabbitMqCtl("delete_vhost", id);
        if (redis is not null)
        {
            var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: id + ":*").ToArray();
            if (keys.Length > 0)
            {
                await redis.GetDatabase().KeyDeleteAsync(keys);
            }
            await redis.DisposeAsync();
        }
    }

    /// <summary>Queue name to one column of `rabbitmqctl list_queues` (consumers, messages) in this virtual host.</summary>
    public async Task<IReadOnlyDictionary<string, int>> QueuesAsync(string column) =>
        (await RabbitMqCtl("list_queues", "-p", id, "-q", "--no-table-headers", "name", column))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t', ' '))
        .Where(parts => parts.Length >= 2 && int.TryParse(parts[^1], out _))
        .ToDictionary(parts => parts[0], parts => int.Parse(parts[^1]));

    private static async Task<string> RabbitMqCtl(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(" ", arguments)} failed: {await error}");
        }
        return output;
    }
}
