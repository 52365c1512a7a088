using System.Text.Json;
using Pipeline.Core.Stores;
using StackExchange.Redis;

namespace Pipeline.Grading.Verdicts;

/// <summary>
/// Verdicts in Redis under {prefix}verdict:{key digest}, as JSON. SET NX GET: when two Executors grade the same code
/// at once, the first verdict stored is the one both get back and every later run reuses.
/// </summary>
public sealed class RedisVerdictStore(IConnectionMultiplexer redis, RedisKeys keys) : IVerdictStore
{
    public async Task<StoredVerdict?> GetAsync(VerdictKey key, CancellationToken cancellationToken = default) =>
        Read(await redis.GetDatabase().StringGetAsync(RedisKey(key)));

    public async Task<StoredVerdict> PutAsync(VerdictKey key, StoredVerdict verdict, CancellationToken cancellationToken = default) =>
        Read(await redis.GetDatabase().StringSetAndGetAsync(RedisKey(key), JsonSerializer.Serialize(verdict), when: When.NotExists)) ?? verdict;

    public string RedisKey(VerdictKey key) => keys.Verdict(key.Digest);

    private static StoredVerdict? Read(RedisValue value)
    {
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
}
