using Pipeline.Dataset;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>How the CLI shows a skipped row: on standard error, as it is found, with file and line.</summary>
internal static class BadRows
{
    private static readonly IAnsiConsole Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static void Print(BadRow row) =>
        Error.MarkupLine($"[yellow]bad row[/] {Markup.Escape(row.File)}:{row.Line}: {Markup.Escape(row.Reason)}");
}
