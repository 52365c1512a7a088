using StackExchange.Redis;

namespace Pipeline.Bench;

/// <summary>
/// A fresh RabbitMQ virtual host and Redis key prefix on the local servers for one benchmark run, removed afterwards,
/// so the benchmark never touches a deployment's queues or keys on the same servers.
/// </summary>
internal sealed class BrokerAndRedis : IAsyncDisposable
{
    private readonly string _id = $"bench-{Guid.NewGuid():N}"[..18];
    private IConnectionMultiplexer? _redis;
    private RabbitVirtualHost? _virtualHost;

    private BrokerAndRedis()
    {
    }

    private static string RedisAddress => Environment.GetEnvironmentVariable("PIPELINE_Redis__Configuration") ?? "localhost:6379";

    public string VirtualHost => _id;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:VirtualHost"] = _id,
        ["Stores:Backend"] = "Redis",
        ["Stores:KeyPrefix"] = _id + ":",
        ["Redis:Configuration"] = RedisAddress,
    };

    public static async Task<BrokerAndRedis> CreateAsync()
    {
        var servers = new BrokerAndRedis();
        servers._virtualHost = await RabbitBroker.Shared.CreateVirtualHostAsync(servers._id);
        servers._redis = await ConnectionMultiplexer.ConnectAsync(RedisAddress);
        return servers;
    }

    public async ValueTask DisposeAsync()
    {
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
        if (_redis is not null)
        {
            var keys = _redis.GetServer(_redis.GetEndPoints()[0]).Keys(pattern: _id + ":*").ToArray();
            if (keys.Length > 0)
            {
                await _redis.GetDatabase().KeyDeleteAsync(keys);
            }
            await _redis.DisposeAsync();
        }
    }

    /// <summary>Queue name to one column of `rabbitmqctl list_queues` (consumers, messages) in this virtual host.</summary>
    public Task<IReadOnlyDictionary<string, long>> QueuesAsync(string column) => RabbitBroker.Shared.QueuesAsync(_id, column);
}
