namespace Pipeline.Grading.Verdicts;

/// <summary>Verdicts already computed, so code graded once on a suite is not graded again (see docs/decisions/011).</summary>
public interface IVerdictStore
{
    Task<StoredVerdict?> GetAsync(VerdictKey key, CancellationToken cancellationToken = default);

    /// <summary>Stores the verdict unless one is stored under this key: the first verdict wins.</summary>
    Task PutAsync(VerdictKey key, StoredVerdict verdict, CancellationToken cancellationToken = default);
}
