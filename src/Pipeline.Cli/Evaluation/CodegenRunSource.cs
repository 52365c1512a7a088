using System.CommandLine;
using Pipeline.Cli.Runs;
using Pipeline.Core.Stores;
using Pipeline.Evaluations.SelfRepair;
using Pipeline.Generation.SelfRepair;
using Pipeline.Runs;
using StackExchange.Redis;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// `--codegen RUN_OR_FILE` as `lcb eval` and `lcb generate` read it: <see cref="CodegenRunReader"/> over the run state
/// and problems in the Redis the command's options name.
/// </summary>
internal static class CodegenRunSource
{
    /// <summary>The reader over <paramref name="connection"/>, for a command that also writes to that Redis.</summary>
    public static CodegenRunReader Reader(IConnectionMultiplexer connection, RedisKeys keys) =>
        new(new RedisRunStore(connection, keys), new RedisProblemStore(connection, keys));

    /// <summary>Reads the run or file; Redis is only asked when <paramref name="runOrFile"/> is not a file (lcb generate runs without it).</summary>
    /// <exception cref="InvalidDataException">not a code-generation eval_all, or not a completed code-generation run</exception>
    /// <exception cref="Pipeline.Runs.RunNotFoundException">neither a file nor a run by that name</exception>
    /// <exception cref="RedisConnectionException">Redis is not reachable</exception>
    public static async Task<CodegenRun> ReadAsync(string runOrFile, RunStoreOptions store, ParseResult parse, CancellationToken cancellationToken)
    {
        if (CodegenRunReader.IsFile(runOrFile))
        {
            return EvalAllFile.Read(runOrFile);
        }
        var (connection, _) = await store.OpenAsync(parse);
        await using (connection.ConfigureAwait(false))
        {
            return await Reader(connection, new RedisKeys(store.KeyPrefix(parse))).ReadAsync(runOrFile, cancellationToken);
        }
    }
}
