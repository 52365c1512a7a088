using System.CommandLine;
using Pipeline.Cli.Runs;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>`lcb status RUN`: where a run stands right now, readable while it streams.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "run id, or the start of it" };
        var command = new Command("status", "Show a run's progress and provisional pass@1") { run };
        RunCommandAction.Set(command, new RunStoreOptions(), (parse, store, cancellationToken) =>
            ExecuteAsync(store, AnsiConsole.Console, parse.GetRequiredValue(run), cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(IRunStore store, IAnsiConsole console, string runText, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(runText, out var id) && await store.GetRunAsync(id, cancellationToken) is null
            && await store.GetFailedStartAsync(id, cancellationToken) is { } failed)
        {
            var failure = new Grid().AddColumn().AddColumn();
            failure.AddRow("run", id.ToString());
            failure.AddRow("model", Markup.Escape(failed.Model));
            failure.AddRow("state", $"failed to start {ScoreText.Time(failed.FailedAt)}");
            failure.AddRow("reason", Markup.Escape(failed.Reason));
            console.Write(failure);
            return 0;
        }
        var run = await RunLookup.FindAsync(store, runText, cancellationToken);
        var report = await store.GetReportAsync(run.RunId, cancellationToken);
        var progress = RunProgress.Of(run, await store.GetCountsAsync(run.RunId, cancellationToken), report,
            await store.GetParkedAsync(run.RunId, cancellationToken));
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("run", run.RunId.ToString());
        grid.AddRow("model", Markup.Escape(run.Model));
        grid.AddRow("scenario", Markup.Escape(run.Scenario));
        grid.AddRow("started", ScoreText.Time(run.StartedAt));
        if (run.Request?.Extends is { } extended)
        {
            grid.AddRow("extends", extended.ToString());
        }
        grid.AddRow("state", report is not null ? $"completed {ScoreText.Time(report.CompletedAt)}"
            : progress.IsStalled ? "stalled: nothing left in flight, the rest is parked" : "running");
        if (ParkedSummary.Describe(run.RunId, progress.Parked) is { } parked)
        {
            grid.AddRow("parked", Markup.Escape(parked));
        }
        grid.AddRow("problems complete", $"{progress.ProblemsComplete}/{run.Problems.Count}");
        grid.AddRow("samples graded", $"{progress.SamplesGraded}/{run.TotalSamples}");
        if (report is null)
        {
            grid.AddRow("provisional pass@1", ScoreText.Percent(progress.ProvisionalPassAt1));
        }
        else
        {
            foreach (var (k, score) in report.Overall.PassAtK)
            {
                grid.AddRow(k, ScoreText.Percent(score));
            }
        }
        console.Write(grid);
        return 0;
    }
}
