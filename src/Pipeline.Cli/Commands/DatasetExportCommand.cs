using System.CommandLine;
using Pipeline.Dataset;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>lcb dataset export</c>: the selected problems with their tests decoded, as JSON lines.</summary>
internal static class DatasetExportCommand
{
    public static Command Create()
    {
        var selection = new SelectionOptions();
        var output = new Option<FileInfo>("--out") { Description = "the .jsonl file to write", Required = true };
        var export = new Command("export", "write the selected problems with decoded public and private tests, one JSON row each");
        selection.AddTo(export);
        export.Add(output);
        export.SetAction(parse =>
        {
            var report = new DatasetReport();
            report.BadRowFound += BadRows.Print;
            try
            {
                var file = parse.GetValue(output)!;
                using (var stream = file.Create())
                {
                    var written = DatasetExporter.Export(selection.Source(parse), selection.Selection(parse), report, stream);
                    AnsiConsole.MarkupLine($"wrote [green]{written}[/] problems to {Markup.Escape(file.FullName)} ({report.BadRows.Count} bad rows skipped)");
                }
                return 0;
            }
            catch (DatasetException exception)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                return 2;
            }
        });
        var dataset = new Command("dataset", "work with the LCB dataset files");
        dataset.Add(export);
        return dataset;
    }
}
