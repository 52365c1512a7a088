using System.CommandLine;
using Pipeline.Cli.Runs;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>`lcb runs`: every run, oldest first, with its progress and pass@1.</summary>
public static class RunsCommand
{
    public static Command Create()
    {
        var command = new Command("runs", "List evaluation runs with their progress and pass@1");
        RunCommandAction.Set(command, new RunStoreOptions(), (_, store, cancellationToken) =>
            ExecuteAsync(store, AnsiConsole.Console, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(IRunStore store, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(cancellationToken);
        if (runs.Count == 0)
        {
            console.WriteLine("no runs yet");
            return 0;
        }
        var table = new Table().AddColumns("run", "model", "started", "problems", "samples", "state", "pass@1");
        foreach (var run in runs)
        {
            var progress = RunProgress.Of(run, await store.GetCountsAsync(run.RunId, cancellationToken),
                await store.GetReportAsync(run.RunId, cancellationToken));
            table.AddRow(
                run.RunId.ToString("N")[..8],
                Markup.Escape(run.Model),
                ScoreText.Time(run.StartedAt),
                $"{progress.ProblemsComplete}/{run.Problems.Count}",
                $"{progress.SamplesGraded}/{run.TotalSamples}",
                progress.IsCompleted ? "completed" : "running",
                ScoreText.Percent(progress.ProvisionalPassAt1));
        }
        console.Write(table);
        return 0;
    }
}
