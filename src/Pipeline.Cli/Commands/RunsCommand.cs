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

    /// <summary>The server's host and port: the part of the base URL that tells runs apart, short enough for 80 columns.</summary>
    private static string Server(string baseUrl) => Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.Authority : baseUrl;

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
        var table = new Table().AddColumns("run", "model", "scenario", "server", "release", "n", "T", "started", "samples", "state", "pass@1");
        foreach (var run in runs)
        {
            var progress = RunProgress.Of(run, await store.GetCountsAsync(run.RunId, cancellationToken),
                await store.GetReportAsync(run.RunId, cancellationToken), await store.GetParkedAsync(run.RunId, cancellationToken));
            var request = run.Request;
            table.AddRow(
                run.RunId.ToString("N")[..8],
                Markup.Escape(run.Model),
                Markup.Escape(run.Scenario),
                Markup.Escape(request is null ? "-" : Server(request.BaseUrl)),
                Markup.Escape(request?.Selection.Release ?? "-"),
                run.SamplesPerProblem.ToString(),
                request is null ? "-" : request.Sampling.Temperature.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                ScoreText.Time(run.StartedAt),
                $"{progress.SamplesGraded}/{run.TotalSamples}",
                progress.IsCompleted ? "completed" : progress.IsStalled ? "stalled" : progress.SamplesParked > 0 ? $"{progress.SamplesParked} parked" : "running",
                ScoreText.Percent(progress.ProvisionalPassAt1));
        }
        console.Write(table);
        return 0;
    }
}
