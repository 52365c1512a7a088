using Pipeline.Runs.Scoring;
using Pipeline.Runs.Views;

namespace Pipeline.Runs;

/// <summary>Run state in process memory, for unit tests and the single-process quick start; same rules as Redis.</summary>
public sealed class InMemoryRunStore : IRunStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, RunRegistration> _runs = [];
    private readonly Dictionary<Guid, Dictionary<(string, int), SampleVerdict>> _verdicts = [];
    private readonly Dictionary<Guid, Dictionary<string, ProblemCounts>> _counts = [];
    private readonly Dictionary<Guid, GenerationTotals> _generation = [];
    /// <summary>Each run's model latencies in ascending order (the exact percentile, as Redis's sorted set).</summary>
    private readonly Dictionary<Guid, List<double>> _latencies = [];
    private readonly Dictionary<Guid, RunReport> _reports = [];
    private readonly Dictionary<Guid, Dictionary<string, ParkedWork>> _parked = [];
    private readonly Dictionary<Guid, FailedStart> _failedStarts = [];

    public Task<long> RegisterAsync(RunRegistration run, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _runs.TryAdd(run.RunId, run);
            return Task.FromResult((long)VerdictsOf(run.RunId).Count);
        }
    }

    public Task<RunRegistration?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_runs.GetValueOrDefault(runId));
        }
    }

    public Task<IReadOnlyList<RunRegistration>> ListRunsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RunRegistration>>(_runs.Values.OrderBy(r => r.StartedAt).ToList());
        }
    }

    public Task<RecordOutcome> RecordAsync(Guid runId, SampleVerdict verdict, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var verdicts = VerdictsOf(runId);
            if (!verdicts.TryAdd((verdict.ProblemId, verdict.SampleIndex), verdict))
            {
                return Task.FromResult(new RecordOutcome(false, verdicts.Count));
            }
            if (_parked.TryGetValue(runId, out var parked))
            {
                parked.Remove(verdict.ProblemId);
                parked.Remove(RedisRunKeys.SampleField(verdict.ProblemId, verdict.SampleIndex));
            }
            var counts = _counts.TryGetValue(runId, out var existing) ? existing : _counts[runId] = [];
            var count = counts.GetValueOrDefault(verdict.ProblemId);
            counts[verdict.ProblemId] = new ProblemCounts(
                count.Samples + 1, count.Correct + (verdict.Passed ? 1 : 0), count.Skipped + (verdict.Skipped ? 1 : 0));
            _generation[runId] = _generation.GetValueOrDefault(runId, GenerationTotals.None).Plus(verdict);
            var latencies = _latencies.TryGetValue(runId, out var kept) ? kept : _latencies[runId] = [];
            var at = latencies.BinarySearch(verdict.LatencyMs);
            latencies.Insert(at < 0 ? ~at : at, verdict.LatencyMs);
            return Task.FromResult(new RecordOutcome(true, verdicts.Count));
        }
    }

    public Task<IReadOnlyDictionary<string, ProblemCounts>> GetCountsAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var counts = _counts.TryGetValue(runId, out var existing) ? new Dictionary<string, ProblemCounts>(existing) : [];
            return Task.FromResult<IReadOnlyDictionary<string, ProblemCounts>>(counts);
        }
    }

    public Task<IReadOnlyList<SampleVerdict>> GetVerdictsAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SampleVerdict>>(VerdictsOf(runId).Values.ToList());
        }
    }

    public Task<GenerationStatistics> GetGenerationStatisticsAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var latencies = _latencies.GetValueOrDefault(runId, []);
            return Task.FromResult(GenerationStatistics.Of(
                _generation.GetValueOrDefault(runId, GenerationTotals.None),
                latencies.Count == 0 ? 0 : latencies[GenerationStatistics.P95Rank(latencies.Count)]));
        }
    }

    public Task<IReadOnlyList<SampleVerdict>> GetProblemVerdictsAsync(
        Guid runId, string problemId, int samplesPerProblem, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SampleVerdict>>(
                VerdictsOf(runId).Values.Where(v => v.ProblemId == problemId).OrderBy(v => v.SampleIndex).ToList());
        }
    }

    public Task<bool> TryCompleteAsync(RunReport report, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_reports.TryAdd(report.RunId, report));
        }
    }

    public Task<RunReport?> GetReportAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_reports.GetValueOrDefault(runId));
        }
    }

    public Task RecordParkedAsync(Guid runId, ParkedWork parked, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            (_parked.TryGetValue(runId, out var existing) ? existing : _parked[runId] = [])[parked.Field] = parked;
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<ParkedWork>> GetParkedAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ParkedWork>>(_parked.TryGetValue(runId, out var parked)
                ? parked.Values.OrderBy(p => p.ProblemId, StringComparer.Ordinal).ToList()
                : []);
        }
    }

    public Task RecordFailedStartAsync(FailedStart failed, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _failedStarts[failed.RunId] = failed;
            return Task.CompletedTask;
        }
    }

    public Task<FailedStart?> GetFailedStartAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_failedStarts.GetValueOrDefault(runId));
        }
    }

    private Dictionary<(string, int), SampleVerdict> VerdictsOf(Guid runId) =>
        _verdicts.TryGetValue(runId, out var verdicts) ? verdicts : _verdicts[runId] = [];
}
