using System.CommandLine;
using Pipeline.Cli.Errors;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb replay`: moves parked messages back to their queues. Scores stay exact: the Scorer counts a
/// (run, problem, sample) once, however often its verdict arrives.
/// </summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var options = new ErrorQueueOptions();
        var run = options.Run;
        var all = new Option<bool>("--all") { Description = "every parked message of the Pipeline's queues (and any --queue)" };
        var command = new Command("replay", "Move parked messages from the _error queues back to their queues") { all };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var queues = parse.GetValue(options.Queue) ?? [];
            if (!parse.GetValue(all) && queues.Length == 0 && parse.GetValue(run) is null)
            {
                await Console.Error.WriteLineAsync("error: say what to replay: --queue Q, --run RUN, or --all");
                return 2;
            }
            return await options.RunAsync(parse, errorQueues => ExecuteAsync(errorQueues,
                options.Queues(parse, pipelineQueuesToo: queues.Length == 0 || parse.GetValue(all)), parse.GetValue(run),
                AnsiConsole.Console, cancellationToken), cancellationToken);
        });
        return command;
    }

    public static async Task<int> ExecuteAsync(
        ErrorQueues errorQueues, IReadOnlyList<string> queues, string? run, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var moved = await errorQueues.ReplayAsync(queues, message => ErrorQueueOptions.OfRun(message, run), cancellationToken);
        foreach (var (queue, count) in moved)
        {
            console.WriteLine($"{queue}: {count} moved back");
        }
        console.WriteLine($"{moved.Values.Sum()} messages replayed");
        return 0;
    }
}
