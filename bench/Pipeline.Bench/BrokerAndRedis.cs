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
    private RabbitVirtualHost? virtualHost;

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
        servers.virtualHost = await RabbitBroker.Shared.CreateVirtualHostAsync(servers.id);
        servers.redis = await ConnectionMultiplexer.ConnectAsync(RedisAddress);
        return servers;
    }

    public async ValueTask DisposeAsync()
    {
        if (virtualHost is not null)
        {
            await virtualHost.DisposeAsync();
        }
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
    public Task<IReadOnlyDictionary<string, long>> QueuesAsync(string column) => RabbitBroker.Shared.QueuesAsync(id, column);
}
