namespace Pipeline.Generation.Cache;

/// <summary>Answers already received, so a re-run or a replayed message never asks the model again for the same sample.</summary>
public interface IGenerationCache
{
    Task<CachedSample?> GetAsync(GenerationKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the answer unless one is stored under the key already, and returns the one the cache holds: two workers
    /// racing on a redelivered message both publish the answer stored first, so what is scored is what a re-run reads.
    /// </summary>
    Task<CachedSample> PutAsync(GenerationKey key, CachedSample sample, CancellationToken cancellationToken = default);
}
