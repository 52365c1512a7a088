namespace Pipeline.Grading.Verdicts;

/// <summary>Verdicts already computed, so code graded once on a suite is not graded again (see docs/decisions/011).</summary>
public interface IVerdictStore
{
    Task<StoredVerdict?> GetAsync(VerdictKey key, CancellationToken cancellationToken = default);

    /// <summary>Stores the verdict unless one is stored under this key (the first verdict wins), and returns the one kept.</summary>
    Task<StoredVerdict> PutAsync(VerdictKey key, StoredVerdict verdict, CancellationToken cancellationToken = default);
}
