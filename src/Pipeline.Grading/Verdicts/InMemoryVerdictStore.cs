using System.Collections.Concurrent;

namespace Pipeline.Grading.Verdicts;

/// <summary>The verdict store of the single-process quick start and of unit tests.</summary>
public sealed class InMemoryVerdictStore : IVerdictStore
{
    private readonly ConcurrentDictionary<VerdictKey, StoredVerdict> _verdicts = new();

    public int Count => _verdicts.Count;

    public Task<StoredVerdict?> GetAsync(VerdictKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_verdicts.GetValueOrDefault(key));

    public Task<StoredVerdict> PutAsync(VerdictKey key, StoredVerdict verdict, CancellationToken cancellationToken = default) =>
        Task.FromResult(_verdicts.GetOrAdd(key, verdict));
}
