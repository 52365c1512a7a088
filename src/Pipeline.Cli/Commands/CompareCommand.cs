using System.CommandLine;
using Pipeline.Cli.Runs;
using Pipeline.Runs.Comparison;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>`lcb compare A B`: pass@1 of two runs on their shared problems, B − A, and a paired bootstrap 95% interval.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var runA = new Argument<string>("run-a") { Description = "baseline run id (or its start)" };
        var runB = new Argument<string>("run-b") { Description = "candidate run id (or its start)" };
        var resamples = new Option<int>("--resamples") { Description = "bootstrap resamples", DefaultValueFactory = _ => RunComparison.DefaultResamples };
        var seed = new Option<int>("--seed") { Description = "bootstrap seed", DefaultValueFactory = _ => RunComparison.DefaultSeed };
        var command = new Command("compare", "Compare pass@1 of two runs with a paired bootstrap 95% interval") { runA, runB, resamples, seed };
        RunCommandAction.Set(command, new RunStoreOptions(), (parse, store, cancellationToken) => ExecuteAsync(
            store, AnsiConsole.Console, parse.GetRequiredValue(runA), parse.GetRequiredValue(runB),
            parse.GetValue(resamples), parse.GetValue(seed), cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(
        IRunStore store, IAnsiConsole console, string runTextA, string runTextB, int resamples, int seed, CancellationToken cancellationToken)
    {
        var a = await RunLookup.FindAsync(store, runTextA, cancellationToken);
        var b = await RunLookup.FindAsync(store, runTextB, cancellationToken);
        var rows = RunComparison.Compare(
            await ScoredAsync(store, a, cancellationToken), await ScoredAsync(store, b, cancellationToken), resamples, seed);
        var table = new Table().AddColumns(
            "", "problems", Markup.Escape($"A {a.Model} ({a.Scenario})"), Markup.Escape($"B {b.Model} ({b.Scenario})"), "B − A", "95% interval");
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.Group), row.Problems.ToString(), ScoreText.Percent(row.PassAt1A),
                ScoreText.Percent(row.PassAt1B), ScoreText.SignedPercent(row.Difference), Markup.Escape(ScoreText.Interval(row.Low, row.High)));
        }
        table.Caption = new TableTitle($"pass@1 (%) on problems both runs completed; paired bootstrap, {resamples} resamples, seed {seed}");
        if (a.Scenario != b.Scenario)
        {
            console.MarkupLine($"[yellow]the runs are of different scenarios ({Markup.Escape(a.Scenario)}, {Markup.Escape(b.Scenario)}): their problems rarely overlap[/]");
        }
        console.Write(table);
        return 0;
    }

    private static async Task<IReadOnlyList<ScoredProblem>> ScoredAsync(IRunStore store, RunRegistration run, CancellationToken cancellationToken) =>
        RunScores.Problems(run, await store.GetCountsAsync(run.RunId, cancellationToken), DateWindow.All, completeOnly: true);
}
