using System.Collections.Concurrent;

namespace Pipeline.Generation.Cache;

/// <summary>The cache for unit tests and single-process runs without Redis.</summary>
public sealed class InMemoryGenerationCache : IGenerationCache
{
    private readonly ConcurrentDictionary<GenerationKey, CachedSample> _samples = new();

    public Task<CachedSample?> GetAsync(GenerationKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_samples.GetValueOrDefault(key));

    public Task<CachedSample> PutAsync(GenerationKey key, CachedSample sample, CancellationToken cancellationToken = default) =>
        Task.FromResult(_samples.GetOrAdd(key, sample));
}
