using Pipeline.Dataset.Ingest;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>The ingest summary as the user reads it: problems by platform × difficulty, then the totals.</summary>
internal static class IngestSummaryTable
{
    private static readonly string[] Difficulties = ["easy", "medium", "hard"];

    public static void Write(IngestSummary summary)
    {
        var counts = summary.ProblemsByPlatformAndDifficulty;
        var table = new Table().Title("problems by platform × difficulty").AddColumn("platform");
        foreach (var difficulty in Difficulties)
        {
            table.AddColumn(new TableColumn(difficulty).RightAligned());
        }
        table.AddColumn(new TableColumn("total").RightAligned());
        foreach (var platform in counts.Keys.Select(k => k.Platform).Distinct().Order())
        {
            var row = Difficulties.Select(d => counts.GetValueOrDefault((platform, d))).ToList();
            table.AddRow([platform, .. row.Select(n => n.ToString()), $"[bold]{row.Sum()}[/]"]);
        }
        var byDifficulty = Difficulties.Select(d => counts.Where(c => c.Key.Difficulty == d).Sum(c => c.Value)).ToList();
        table.AddRow(["[bold]total[/]", .. byDifficulty.Select(n => $"[bold]{n}[/]"), $"[bold]{byDifficulty.Sum()}[/]"]);
        AnsiConsole.Write(table);

        var totals = new Table().HideHeaders().AddColumn("what").AddColumn(new TableColumn("value").RightAligned());
        totals.AddRow("tests", $"{summary.Tests:N0}");
        totals.AddRow("decoded suite bytes", Size(summary.SuiteBytes));
        totals.AddRow("dataset bytes read", Size(summary.Dataset.SourceBytes));
        totals.AddRow("suites new / already stored", $"{summary.NewSuites} / {summary.StoredSuites}");
        totals.AddRow("problems new or changed", $"{summary.NewOrChangedProblems}");
        totals.AddRow("bad rows skipped", summary.Dataset.BadRows.Count == 0 ? "0" : $"[yellow]{summary.Dataset.BadRows.Count}[/]");
        totals.AddRow("time", $"{summary.Elapsed.TotalSeconds:F2} s");
        AnsiConsole.Write(totals);
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):F1} MiB" : $"{bytes / 1024.0:F1} KiB";
}
