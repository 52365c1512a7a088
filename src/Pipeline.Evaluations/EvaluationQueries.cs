using Pipeline.Runs;
using Pipeline.Runs.Scoring;

namespace Pipeline.Evaluations;

/// <summary>Reads runs for the API: the Scorer's run store for what is registered, the ledger for what is still queued.</summary>
public sealed class EvaluationQueries(IEvaluationLedger ledger, IRunStore runs)
{
    public async Task<EvaluationStatus?> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        var requested = await ledger.GetAsync(runId, cancellationToken);
        var run = await runs.GetRunAsync(runId, cancellationToken);
        if (run is null)
        {
            return requested is null ? null : Queued(requested);
        }
        // The report first: counts read after it are final, so a completed run never shows a stale count.
        var report = await runs.GetReportAsync(runId, cancellationToken);
        var progress = RunProgress.Of(run, await runs.GetCountsAsync(runId, cancellationToken), report);
        return Registered(run, requested, report) with
        {
            ProblemsComplete = progress.ProblemsComplete,
            SamplesGraded = progress.SamplesGraded,
            ProvisionalPassAt1 = progress.ProvisionalPassAt1,
            Report = report,
        };
    }

    /// <summary>Every run, newest first: those started here and those the Scorer registered from elsewhere.</summary>
    public async Task<IReadOnlyList<EvaluationStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var requested = (await ledger.ListAsync(cancellationToken)).ToDictionary(e => e.RunId);
        var statuses = new List<EvaluationStatus>();
        foreach (var run in await runs.ListRunsAsync(cancellationToken))
        {
            var report = await runs.GetReportAsync(run.RunId, cancellationToken);
            statuses.Add(Registered(run, requested.GetValueOrDefault(run.RunId), report));
            requested.Remove(run.RunId);
        }
        statuses.AddRange(requested.Values.Select(Queued));
        return statuses.OrderByDescending(s => s.Since).ToList();
    }

    private static EvaluationStatus Queued(RequestedEvaluation requested) => new()
    {
        RunId = requested.RunId,
        Model = requested.Start.Model,
        State = EvaluationStatus.Queued,
        BaseUrl = requested.Start.BaseUrl,
        Source = requested.Source,
        RequestedAt = requested.RequestedAt,
    };

    private static EvaluationStatus Registered(RunRegistration run, RequestedEvaluation? requested, RunReport? report) => new()
    {
        RunId = run.RunId,
        Model = run.Model,
        State = report is null ? EvaluationStatus.Running : EvaluationStatus.Completed,
        BaseUrl = requested?.Start.BaseUrl,
        Source = requested?.Source,
        RequestedAt = requested?.RequestedAt,
        StartedAt = run.StartedAt,
        CompletedAt = report?.CompletedAt,
        Problems = run.Problems.Count,
        TotalSamples = run.TotalSamples,
    };
}
