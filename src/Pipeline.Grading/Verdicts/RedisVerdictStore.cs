using System.Text.Json;
using Pipeline.Core.Stores;
using StackExchange.Redis;

namespace Pipeline.Grading.Verdicts;

/// <summary>
/// Verdicts in Redis under {prefix}verdict:{key digest}, as JSON. SET NX: when two Executors grade the same code
/// at once, the first verdict stored is the one every later run reuses.
/// </summary>
public sealed class RedisVerdictStore(IConnectionMultiplexer redis, RedisKeys keys) : IVerdictStore
{
    public async Task<StoredVerdict?> GetAsync(VerdictKey key, CancellationToken cancellationToken = default)
    {
        var value = await redis.GetDatabase().StringGetAsync(RedisKey(key));
        if (value.IsNullOrEmpty)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<StoredVerdict>(value.ToString());
        }
        catch (JsonException)
        {
            return null; // an unreadable entry is a miss: the sample is graded afresh, which is always exact
        }
    }

    public Task PutAsync(VerdictKey key, StoredVerdict verdict, CancellationToken cancellationToken = default) =>
        redis.GetDatabase().StringSetAsync(RedisKey(key), JsonSerializer.Serialize(verdict), when: When.NotExists);

    public string RedisKey(VerdictKey key) => keys.Verdict(key.Digest);
}
