using System.CommandLine;
using System.Text.Json;
using Pipeline.Cli.Errors;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>`lcb errors`: what is parked in the _error queues, grouped by queue, run, problem, sample and reason.</summary>
public static class ErrorsCommand
{
    public static Command Create()
    {
        var options = new ErrorQueueOptions();
        var json = new Option<bool>("--json") { Description = "print JSON instead of a table" };
        var command = new Command("errors", "List the messages parked in the _error queues (the Pipeline's, plus any --queue), with the reason") { json };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => options.RunAsync(parse, async queues =>
        {
            var run = parse.GetValue(options.Run);
            var parked = await queues.ListAsync(options.Queues(parse, pipelineQueuesToo: true), cancellationToken);
            return Print([.. parked.Where(message => ErrorQueueOptions.OfRun(message, run))], parse.GetValue(json), AnsiConsole.Console);
        }, cancellationToken));
        return command;
    }

    /// <summary>Identical parked messages (same queue, key and reason) make one row with their count.</summary>
    public static IReadOnlyList<ParkedGroup> Group(IEnumerable<ParkedMessage> parked) =>
        [.. parked.GroupBy(m => (m.Queue, m.RunId, m.ProblemId, m.Samples, m.Reason, m.Retries))
            .Select(g => new ParkedGroup(g.Key.Queue, g.Key.RunId, g.Key.ProblemId, g.Key.Samples, g.Key.Reason, g.Key.Retries, g.Count()))];

    public static int Print(IReadOnlyList<ParkedMessage> parked, bool json, IAnsiConsole console)
    {
        var groups = Group(parked);
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(groups, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            return 0;
        }
        if (groups.Count == 0)
        {
            console.WriteLine("no parked messages");
            return 0;
        }
        // Short run ids (as `lcb runs` shows them, and --run takes) leave the reason room to wrap within 80 columns.
        var table = new Table().AddColumns("queue", "run", "problem", "#", "reason", "tries", "n");
        foreach (var group in groups)
        {
            table.AddRow(
                Markup.Escape(group.Queue),
                group.RunId?.ToString("N")[..8] ?? "-",
                Markup.Escape(group.ProblemId ?? "-"),
                Markup.Escape(group.Samples ?? "-"),
                Markup.Escape(group.Reason),
                group.Retries?.ToString() ?? "-",
                group.Count.ToString());
        }
        console.Write(table);
        return 0;
    }
}

public sealed record ParkedGroup(string Queue, Guid? RunId, string? ProblemId, string? Samples, string Reason, int? Retries, int Count);
