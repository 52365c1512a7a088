using System.Collections.Concurrent;

namespace Pipeline.Grading.Verdicts;

/// <summary>The verdict store of the single-process quick start and of unit tests.</summary>
public sealed class InMemoryVerdictStore : IVerdictStore
{
    private readonly ConcurrentDictionary<VerdictKey, StoredVerdict> verdicts = new();

    public int Count => verdicts.Count;

    public Task<StoredVerdict?> GetAsync(VerdictKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(verdicts.GetValueOrDefault(key));

    public Task PutAsync(VerdictKey key, StoredVerdict verdict, CancellationToken cancellationToken = default)
    {
        verdicts.TryAdd(key, verdict);
        return Task.CompletedTask;
    }
}
