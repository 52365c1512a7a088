using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Pipeline.Cli.Commands;
using Pipeline.Hosting;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Cli.Errors;

/// <summary>The options `lcb errors` and `lcb replay` share: which broker, and which queues (the Pipeline's by default).</summary>
internal sealed class ErrorQueueOptions
{
    private readonly BusCommandOptions _bus = new();

    public Option<string[]> Queue { get; } = new("--queue")
    {
        Description = "a queue (with or without _error); repeatable",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> Run { get; } = new("--run") { Description = "only the messages of this run (its id, or the start of it)", HelpName = "RUN" };

    public void AddTo(Command command)
    {
        _bus.AddTo(command);
        command.Options.Add(Queue);
        command.Options.Add(Run);
    }

    /// <summary>Whether a parked message belongs to the run the user named by its id or the start of it (null: every run).</summary>
    public static bool OfRun(ParkedMessage message, string? run) =>
        run is null || message.RunId?.ToString("N").StartsWith(run.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), StringComparison.Ordinal) == true;

    public IReadOnlyList<string> Queues(ParseResult parse, bool pipelineQueuesToo) =>
        [.. (pipelineQueuesToo ? ErrorQueues.PipelineQueues : []).Concat((parse.GetValue(Queue) ?? []).Select(ErrorQueues.QueueName)).Distinct()];

    /// <summary>Connects, runs <paramref name="action"/>, and turns a broker that refuses or fails into one clear line (exit code 1).</summary>
    public async Task<int> RunAsync(ParseResult parse, Func<ErrorQueues, Task<int>> action, CancellationToken cancellationToken)
    {
        try
        {
            await using var queues = await ErrorQueues.ConnectAsync(ConnectionFactory(parse), cancellationToken);
            return await action(queues);
        }
        catch (BrokerUnreachableException error)
        {
            await Console.Error.WriteLineAsync($"error: RabbitMQ is unreachable: {error.InnerException?.Message ?? error.Message}");
            return 1;
        }
        catch (Exception error) when (error is OperationInterruptedException or PublishException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: {error.Message}");
            return 1;
        }
    }

    private ConnectionFactory ConnectionFactory(ParseResult parse) => BrokerConnections.Factory(
        _bus.Configuration(parse).GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions(), "lcb errors");
}
