using Pipeline.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Ingest;

/// <summary>A Redis key prefix of one test's own; its keys are deleted when the test ends.</summary>
internal sealed class RedisPrefix(IConnectionMultiplexer redis) : IAsyncDisposable
{
    public string Value { get; } = $"test-{Guid.NewGuid():N}:";

    public int CountKeys() => Server().Keys(pattern: Value + "*").Count();

    /// <summary>
    /// Gives every key a time to live. Any write (SET) clears it, so keys still carrying one after an
    /// operation were not rewritten by it.
    /// </summary>
    public async Task MarkAllKeys()
    {
        var database = redis.GetDatabase();
        foreach (var key in Server().Keys(pattern: Value + "*"))
        {
            await database.KeyExpireAsync(key, TimeSpan.FromHours(1));
        }
    }

    public async Task<int> CountUnmarkedKeys()
    {
        var database = redis.GetDatabase();
        var unmarked = 0;
        foreach (var key in Server().Keys(pattern: Value + "*"))
        {
            unmarked += await database.KeyTimeToLiveAsync(key) is null ? 1 : 0;
        }
        return unmarked;
    }

    public async ValueTask DisposeAsync() => await TestKeys.DeleteAsync(redis, Value);

    private IServer Server() => redis.GetServer(redis.GetEndPoints()[0]);
}
