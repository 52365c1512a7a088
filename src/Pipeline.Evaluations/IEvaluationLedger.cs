namespace Pipeline.Evaluations;

/// <summary>
/// What was started, and which checkpoints are taken. A claim (server + model) is held by one run for good, so a
/// restarted watcher, a second watcher or an API call never starts the same checkpoint twice. Every write is atomic.
/// </summary>
public interface IEvaluationLedger
{
    /// <summary>Records the evaluation; with a claim, only if no run holds that claim yet.</summary>
    /// <returns>null when recorded; else the run that holds the claim.</returns>
    Task<Guid?> TryRecordAsync(RequestedEvaluation evaluation, string? claim, CancellationToken cancellationToken = default);

    /// <summary>Undoes <see cref="TryRecordAsync"/> for an evaluation that could not be started, freeing its claim.</summary>
    Task ForgetAsync(RequestedEvaluation evaluation, string? claim, CancellationToken cancellationToken = default);

    Task<RequestedEvaluation?> GetAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>Every recorded evaluation, newest first.</summary>
    Task<IReadOnlyList<RequestedEvaluation>> ListAsync(CancellationToken cancellationToken = default);
}
