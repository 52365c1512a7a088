using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>Removes what a test wrote under its own key prefix, leaving the shared Redis as it found it.</summary>
internal static class TestKeys
{
    public static async Task DeleteAsync(IConnectionMultiplexer redis, string prefix)
    {
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }
}
