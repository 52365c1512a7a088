using System.CommandLine;
using Pipeline.Core.Stores;
using Pipeline.Dataset.Ingest;
using Pipeline.Dataset;
using Spectre.Console;
using StackExchange.Redis;

namespace Pipeline.Cli.Commands;

/// <summary><c>lcb ingest</c>: store the selected problems and suites in Redis and print what was stored.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var selection = new SelectionOptions();
        var redis = new Option<string>("--redis")
        {
            Description = "Redis HOST:PORT (default: PIPELINE_Redis__Configuration, else localhost:6379)",
            DefaultValueFactory = _ => PipelineEnvironment.Get("Redis:Configuration", "localhost:6379"),
        };
        var prefix = new Option<string>("--key-prefix")
        {
            Description = "prefix of every Redis key (default: PIPELINE_Stores__KeyPrefix, else pipeline:)",
            DefaultValueFactory = _ => PipelineEnvironment.Get("Stores:KeyPrefix", RedisKeys.DefaultPrefix),
        };
        var inMemory = new Option<bool>("--in-memory") { Description = "read and decode only, storing in process (nothing persists)" };
        var command = new Command("ingest", "read an LCB release, store its problems and decoded test suites, print a summary");
        selection.AddTo(command);
        command.Add(redis);
        command.Add(prefix);
        command.Add(inMemory);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var connection = parse.GetValue(inMemory) ? null : await ConnectionMultiplexer.ConnectAsync(parse.GetValue(redis)!);
                var keys = new RedisKeys(parse.GetValue(prefix)!);
                var ingestor = connection is null
                    ? new DatasetIngestor(new InMemoryProblemStore(), new InMemorySuiteStore())
                    : new DatasetIngestor(new RedisProblemStore(connection, keys), new RedisSuiteStore(connection, keys));
                var summary = await ingestor.IngestAsync(selection.Source(parse), selection.Selection(parse), BadRows.Print, cancellationToken);
                IngestSummaryTable.Write(summary);
                return 0;
            }
            catch (Exception exception) when (exception is DatasetException or RedisConnectionException)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                return 2;
            }
        });
        return command;
    }
}
