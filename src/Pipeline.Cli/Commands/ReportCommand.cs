using System.CommandLine;
using Pipeline.Core.Stores;
using Pipeline.Cli.Runs;
using Pipeline.Evaluations;
using Pipeline.Evaluations.Dashboard;
using Pipeline.Runs.Published;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb report RUN... --out report.html`: one self-contained HTML file (the dashboard's pages with their data and
/// scripts inlined) for one run, or for several checkpoints of one model family drawn as the checkpoints chart.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("runs") { Description = "run ids (full GUIDs)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo>("--out") { Description = "the HTML file to write", Required = true };
        var command = new Command("report", "Write a self-contained HTML report of one run, or of several checkpoints of one model") { runs, output };
        var storeOptions = new RunStoreOptions();
        RunCommandAction.Set(command, storeOptions, async (parse, store, redis, cancellationToken) =>
        {
            var keys = new RedisKeys(storeOptions.KeyPrefix(parse));
            var ledger = new RedisEvaluationLedger(redis, keys);
            var dashboard = new DashboardQueries(
                store, ledger, new RedisProblemStore(redis, keys), new PublishedScores(new RedisPublishedScoreStore(redis, keys), []));
            var builder = new ReportBuilder(dashboard, new EvaluationQueries(ledger, store), TimeProvider.System);
            string html;
            try
            {
                html = await builder.BuildAsync(parse.GetRequiredValue(runs), cancellationToken);
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
                return 1;
            }
            var file = parse.GetRequiredValue(output);
            await File.WriteAllTextAsync(file.FullName, html, cancellationToken);
            Console.WriteLine($"{file.FullName} ({html.Length / 1024} KiB, opens offline)");
            return 0;
        });
        return command;
    }
}
