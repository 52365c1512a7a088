namespace Pipeline.Generation.Cache;

/// <summary>Answers already received, so a re-run or a replayed message never asks the model again for the same sample.</summary>
public interface IGenerationCache
{
    Task<CachedSample?> GetAsync(GenerationKey key, CancellationToken cancellationToken = default);

    Task PutAsync(GenerationKey key, CachedSample sample, CancellationToken cancellationToken = default);
}
