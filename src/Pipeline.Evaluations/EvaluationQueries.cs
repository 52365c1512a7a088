using Pipeline.Core.Scenarios;
using Pipeline.Runs.Scoring;
using Pipeline.Runs;

namespace Pipeline.Evaluations;

/// <summary>Reads runs for the API: the Scorer's run store for what is registered, the ledger for what is still queued.</summary>
public sealed class EvaluationQueries(IEvaluationLedger ledger, IRunStore runs)
{
    public async Task<EvaluationStatus?> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        var requested = await ledger.GetAsync(runId, cancellationToken);
        var (progress, report, failed) = await RunSnapshot.ReadAsync(runs, runId, cancellationToken);
        if (progress is null)
        {
            return failed is not null ? Failed(failed, requested) : requested is null ? null : Queued(requested);
        }
        return Summary(progress, requested, report) with { Parked = progress.Parked, Report = report };
    }

    /// <summary>
    /// Every run, newest first: those started here and those the Scorer registered from elsewhere. Each entry is the
    /// detail's summary (state, progress, parked count, server, the report once completed), without the parked list.
    /// </summary>
    public async Task<IReadOnlyList<EvaluationStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var requested = (await ledger.ListAsync(cancellationToken)).ToDictionary(e => e.RunId);
        var statuses = new List<EvaluationStatus>();
        foreach (var run in await runs.ListRunsAsync(cancellationToken))
        {
            var snapshot = await RunSnapshot.ReadAsync(runs, run, cancellationToken);
            // The report is read anyway; the dashboard's runs table shows its pass@1.
            statuses.Add(Summary(snapshot.Progress!, requested.GetValueOrDefault(run.RunId), snapshot.Report) with { Report = snapshot.Report });
            requested.Remove(run.RunId);
        }
        foreach (var waiting in requested.Values)
        {
            statuses.Add(await runs.GetFailedStartAsync(waiting.RunId, cancellationToken) is { } failed ? Failed(failed, waiting) : Queued(waiting));
        }
        return statuses.OrderByDescending(s => s.Since).ToList();
    }

    /// <summary>What the list and the detail both show of a registered run (the detail adds the parked list and the report).</summary>
    private static EvaluationStatus Summary(RunProgress progress, RequestedEvaluation? requested, RunReport? report) =>
        Registered(progress.Run, requested, report) with
        {
            State = progress.IsStalled ? EvaluationStatus.Stalled : report is null ? EvaluationStatus.Running : EvaluationStatus.Completed,
            ProblemsComplete = progress.ProblemsComplete,
            SamplesGraded = progress.SamplesGraded,
            ProvisionalPassAt1 = progress.ProvisionalPassAt1,
            SamplesParked = progress.SamplesParked,
            Problem = ParkedSummary.Describe(progress.Run.RunId, progress.Parked),
        };

    private static EvaluationStatus Failed(FailedStart failed, RequestedEvaluation? requested) => new()
    {
        RunId = failed.RunId,
        Model = failed.Model,
        State = EvaluationStatus.Failed,
        BaseUrl = failed.BaseUrl,
        Source = requested?.Source,
        RequestedAt = requested?.RequestedAt,
        CompletedAt = failed.FailedAt,
        Problem = $"the run could not start: {failed.Reason}",
    };

    private static EvaluationStatus Queued(RequestedEvaluation requested) => new()
    {
        RunId = requested.RunId,
        Model = requested.Start.Model,
        State = EvaluationStatus.Queued,
        Scenario = ScenarioNames.Label(requested.Start.Scenario, requested.Start.Cot),
        BaseUrl = requested.Start.BaseUrl,
        Source = requested.Source,
        RequestedAt = requested.RequestedAt,
    };

    private static EvaluationStatus Registered(RunRegistration run, RequestedEvaluation? requested, RunReport? report) => new()
    {
        RunId = run.RunId,
        Model = run.Model,
        State = report is null ? EvaluationStatus.Running : EvaluationStatus.Completed,
        Scenario = run.Scenario,
        // A run started elsewhere (lcb eval) is not in the ledger: its recorded start names the server.
        BaseUrl = requested?.Start.BaseUrl ?? run.Request?.BaseUrl,
        Source = requested?.Source,
        RequestedAt = requested?.RequestedAt,
        StartedAt = run.StartedAt,
        CompletedAt = report?.CompletedAt,
        Problems = run.Problems.Count,
        TotalSamples = run.TotalSamples,
    };
}
