using System.Text.RegularExpressions;
using Pipeline.Runs.Scoring;
using Pipeline.Runs.Views;

namespace Pipeline.Evaluations.Dashboard;

/// <summary>Gathers a report's data for `lcb report` and GET /evaluations/{id}/report.html; several runs become one checkpoints chart.</summary>
public sealed class ReportBuilder(DashboardQueries dashboard, EvaluationQueries evaluations, TimeProvider clock)
{
    /// <exception cref="ArgumentException">a run id is malformed, unknown or still queued (the message says which)</exception>
    public async Task<string> BuildAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken)
    {
        var runs = new List<ReportRun>();
        foreach (var id in runIds)
        {
            var found = await dashboard.FindAsync(id, cancellationToken);
            var run = found.Run ?? throw new ArgumentException(found.Problem);
            runs.Add(new ReportRun
            {
                Status = (await evaluations.GetAsync(run.RunId, cancellationToken))!,
                Summary = await dashboard.SummaryAsync(found, DateWindow.All, cancellationToken),
                Problems = (await dashboard.ProblemsAsync(run, new ProblemQuery { Limit = int.MaxValue }, cancellationToken)).Rows,
                Generation = await dashboard.GenerationAsync(run, cancellationToken),
            });
        }
        var ids = runs.Select(r => r.Summary.RunId).ToHashSet();
        // The runs given are the family: every model name matches, and the step is the start time unless a number ends the name.
        var checkpoints = runs.Count < 2 ? [] : await dashboard.CheckpointsAsync(new Regex(".*?(\\d+)?$"), ids, cancellationToken);
        return HtmlReport.Build(new ReportData { CreatedAt = clock.GetUtcNow(), Runs = runs, Checkpoints = checkpoints });
    }
}
