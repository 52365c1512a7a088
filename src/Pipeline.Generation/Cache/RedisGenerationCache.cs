using System.Text.Json;
using Pipeline.Core.Stores;
using StackExchange.Redis;

namespace Pipeline.Generation.Cache;

/// <summary>
/// Samples in Redis under {prefix}gen:{request digest}:{sample index}, as JSON. The first answer stored wins, and a
/// store answers with the one it kept (SET NX GET, Redis 7), so two workers racing on a redelivered message publish it.
/// </summary>
public sealed class RedisGenerationCache(IConnectionMultiplexer redis, RedisKeys keys) : IGenerationCache
{
    public async Task<CachedSample?> GetAsync(GenerationKey key, CancellationToken cancellationToken = default) =>
        Read(await redis.GetDatabase().StringGetAsync(RedisKey(key)));

    public async Task<CachedSample> PutAsync(GenerationKey key, CachedSample sample, CancellationToken cancellationToken = default) =>
        Read(await redis.GetDatabase().StringSetAndGetAsync(RedisKey(key), JsonSerializer.Serialize(sample), when: When.NotExists)) ?? sample;

    private static CachedSample? Read(RedisValue value) =>
        value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<CachedSample>(value.ToString());

    private string RedisKey(GenerationKey key) => keys.Generation(key.RequestDigest, key.SampleIndex);
}
