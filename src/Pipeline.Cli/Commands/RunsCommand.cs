using System.CommandLine;
using Pipeline.Cli.Runs;
using Pipeline.Core.Scenarios;
using Pipeline.Runs.Scoring;
using Pipeline.Runs;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>`lcb runs`: every run, oldest first, with its progress and pass@1.</summary>
public static class RunsCommand
{
    public static Command Create()
    {
        var scenario = new Option<string?>("--scenario") { Description = $"only runs of this scenario ({string.Join(", ", ScenarioNames.All)})" };
        scenario.AcceptOnlyFromAmong([.. ScenarioNames.All]);
        var command = new Command("runs", "List evaluation runs with their scenario, progress and pass@1") { scenario };
        RunCommandAction.Set(command, new RunStoreOptions(), (parse, store, cancellationToken) =>
            ExecuteAsync(store, AnsiConsole.Console, cancellationToken, parse.GetValue(scenario)));
        return command;
    }

    /// <param name="scenario">an official scenario name: only its runs (a code-execution filter includes its cot runs); null: all</param>
    public static async Task<int> ExecuteAsync(IRunStore store, IAnsiConsole console, CancellationToken cancellationToken, string? scenario = null)
    {
        var runs = (await store.ListRunsAsync(cancellationToken))
            .Where(run => scenario is null || (run.Request?.Scenario ?? ScenarioNames.Default) == scenario).ToList();
        if (runs.Count == 0)
        {
            console.WriteLine("no runs yet");
            return 0;
        }
        var table = new Table().AddColumns("run", "model", "scenario", "started", "problems", "samples", "state", "pass@1");
        foreach (var run in runs)
        {
            var progress = RunProgress.Of(run, await store.GetCountsAsync(run.RunId, cancellationToken),
                await store.GetReportAsync(run.RunId, cancellationToken));
            table.AddRow(
                run.RunId.ToString("N")[..8],
                Markup.Escape(run.Model),
                Markup.Escape(run.Scenario),
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
