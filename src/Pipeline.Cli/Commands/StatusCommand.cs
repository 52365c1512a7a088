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
        var run = await RunLookup.FindAsync(store, runText, cancellationToken);
        var report = await store.GetReportAsync(run.RunId, cancellationToken);
        var progress = RunProgress.Of(run, await store.GetCountsAsync(run.RunId, cancellationToken), report);
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("run", run.RunId.ToString());
        grid.AddRow("model", Markup.Escape(run.Model));
        grid.AddRow("started", ScoreText.Time(run.StartedAt));
        if (run.Request?.Extends is { } extended)
        {
            grid.AddRow("extends", extended.ToString());
        }
        grid.AddRow("state", report is null ? "running" : $"completed {ScoreText.Time(report.CompletedAt)}");
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
