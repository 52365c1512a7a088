using System.CommandLine;
using Pipeline.Runs;
using StackExchange.Redis;

namespace Pipeline.Cli.Runs;

/// <summary>Runs a read command against the run store, turning a missing run or unreachable Redis into one clear line.</summary>
internal static class RunCommandAction
{
    public static void Set(Command command, RunStoreOptions storeOptions, Func<ParseResult, IRunStore, CancellationToken, Task<int>> action) =>
        Set(command, storeOptions, (parse, store, _, cancellationToken) => action(parse, store, cancellationToken));

    public static void Set(
        Command command, RunStoreOptions storeOptions, Func<ParseResult, IRunStore, IConnectionMultiplexer, CancellationToken, Task<int>> action)
    {
        storeOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var (connection, store) = await storeOptions.OpenAsync(parse);
                await using (connection.ConfigureAwait(false))
                {
                    return await action(parse, store, connection, cancellationToken);
                }
            }
            catch (Exception error) when (error is RunNotFoundException or RedisConnectionException or InvalidOperationException or InvalidDataException)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
                return 1;
            }
        });
    }
}
