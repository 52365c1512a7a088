using System.Text.Json;
using Pipeline.Core.Stores;
using StackExchange.Redis;

namespace Pipeline.Generation.Cache;

/// <summary>
/// Samples in Redis under {prefix}gen:{request digest}:{sample index}, as JSON. The first answer stored
/// wins (SET NX), so two workers racing on a redelivered message keep one answer.
/// </summary>
public sealed class RedisGenerationCache(IConnectionMultiplexer redis, RedisKeys keys) : IGenerationCache
{
    public async Task<CachedSample?> GetAsync(GenerationKey key, CancellationToken cancellationToken = default)
    {
        var value = await redis.GetDatabase().StringGetAsync(RedisKey(key));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<CachedSample>(value.ToString());
    }

    public Task PutAsync(GenerationKey key, CachedSample sample, CancellationToken cancellationToken = default) =>
        redis.GetDatabase().StringSetAsync(RedisKey(key), JsonSerializer.Serialize(sample), when: When.NotExists);

    private string RedisKey(GenerationKey key) => keys.Generation(key.RequestDigest, key.SampleIndex);
}
