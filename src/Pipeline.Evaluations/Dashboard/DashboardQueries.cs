using System.Text.RegularExpressions;
using Pipeline.Core.Stores;
using Pipeline.Generation.Prompts;
using Pipeline.Runs;
using Pipeline.Runs.Published;
using Pipeline.Runs.Scoring;
using Pipeline.Runs.Views;

namespace Pipeline.Evaluations.Dashboard;

/// <summary>
/// What the dashboard's JSON endpoints and the HTML report read: every view built from the run store's registration,
/// per-problem counts and generation totals; only a problem's own samples are read from the stored samples.
/// </summary>
public sealed class DashboardQueries(IRunStore runs, IEvaluationLedger ledger, IProblemStore problems, PublishedScores published)
{
    public async Task<RunLookup> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var runId))
        {
            return RunLookup.Malformed(id);
        }
        if (await runs.GetRunAsync(runId, cancellationToken) is { } run)
        {
            return RunLookup.Of(run, completed: await runs.GetReportAsync(runId, cancellationToken) is not null);
        }
        return await ledger.GetAsync(runId, cancellationToken) is null ? RunLookup.Unknown(id) : RunLookup.Queued(id);
    }

    public async Task<RunSummary> SummaryAsync(RunLookup found, DateWindow window, CancellationToken cancellationToken)
    {
        var summary = RunSummary.Of(found.Run!, await runs.GetCountsAsync(found.Run!.RunId, cancellationToken), found.Completed, window);
        return summary with { Published = await published.CheckAsync(found.Run!, summary.Overall.PassAtK["pass@1"], cancellationToken) };
    }

    public async Task<ProblemPage> ProblemsAsync(RunRegistration run, ProblemQuery query, CancellationToken cancellationToken) =>
        query.Run(run, await runs.GetCountsAsync(run.RunId, cancellationToken));

    public async Task<ProblemDetail?> ProblemAsync(RunRegistration run, string problemId, CancellationToken cancellationToken)
    {
        var page = await ProblemsAsync(run, new ProblemQuery { Search = problemId, Limit = int.MaxValue }, cancellationToken);
        var row = page.Rows.FirstOrDefault(r => r.ProblemId == problemId);
        if (row is null)
        {
            return null;
        }
        var stored = await problems.GetAsync(problemId, cancellationToken);
        var style = PromptStyles.Parse(run.Request?.PromptStyle ?? "chat");
        return new ProblemDetail
        {
            Problem = row,
            Title = stored?.QuestionTitle,
            Prompt = stored is null ? null : CodeGenerationPrompt.Build(style, stored.QuestionContent, stored.StarterCode),
            Samples = await runs.GetProblemVerdictsAsync(run.RunId, problemId, run.SamplesPerProblem, cancellationToken),
        };
    }

    public Task<GenerationStatistics> GenerationAsync(RunRegistration run, CancellationToken cancellationToken) =>
        runs.GetGenerationStatisticsAsync(run.RunId, cancellationToken);

    public async Task<RunComparisonView> CompareAsync(RunRegistration a, RunRegistration b, CancellationToken cancellationToken) =>
        RunComparisonView.Of(a, await CompleteProblemsAsync(a, cancellationToken), b, await CompleteProblemsAsync(b, cancellationToken));

    /// <param name="only">the runs to consider (a report's); every completed run when null</param>
    public async Task<IReadOnlyList<CheckpointPoint>> CheckpointsAsync(Regex pattern, IReadOnlySet<Guid>? only, CancellationToken cancellationToken)
    {
        var family = new List<(RunRegistration, IReadOnlyDictionary<string, ProblemCounts>)>();
        foreach (var run in await runs.ListRunsAsync(cancellationToken))
        {
            if ((only is null || only.Contains(run.RunId)) && pattern.IsMatch(run.Model) && await runs.GetReportAsync(run.RunId, cancellationToken) is not null)
            {
                family.Add((run, await runs.GetCountsAsync(run.RunId, cancellationToken)));
            }
        }
        return CheckpointSeries.Of(pattern, family);
    }

    /// <summary>As `lcb compare`: problems with every sample graded.</summary>
    private async Task<IReadOnlyList<ScoredProblem>> CompleteProblemsAsync(RunRegistration run, CancellationToken cancellationToken) =>
        RunScores.Problems(run, await runs.GetCountsAsync(run.RunId, cancellationToken), DateWindow.All, completeOnly: true);
}
