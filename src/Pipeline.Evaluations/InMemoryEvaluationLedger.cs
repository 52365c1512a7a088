namespace Pipeline.Evaluations;

/// <summary>The ledger in process memory, for unit tests and Stores:Backend=InMemory; same rules as Redis.</summary>
public sealed class InMemoryEvaluationLedger : IEvaluationLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Guid> _claims = [];
    private readonly Dictionary<Guid, RequestedEvaluation> _evaluations = [];

    public Task<Guid?> TryRecordAsync(RequestedEvaluation evaluation, string? claim, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (claim is not null && !_claims.TryAdd(claim, evaluation.RunId))
            {
                return Task.FromResult<Guid?>(_claims[claim]);
            }
            _evaluations[evaluation.RunId] = evaluation;
            return Task.FromResult<Guid?>(null);
        }
    }

    public Task ForgetAsync(RequestedEvaluation evaluation, string? claim, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (claim is not null && _claims.GetValueOrDefault(claim) == evaluation.RunId)
            {
                _claims.Remove(claim);
            }
            _evaluations.Remove(evaluation.RunId);
            return Task.CompletedTask;
        }
    }

    public Task<RequestedEvaluation?> GetAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_evaluations.GetValueOrDefault(runId));
        }
    }

    public Task<IReadOnlyList<RequestedEvaluation>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RequestedEvaluation>>(_evaluations.Values.OrderByDescending(e => e.RequestedAt).ToList());
        }
    }
}
