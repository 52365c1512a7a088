using System.CommandLine;
using Pipeline.Cli.Runs;
using Pipeline.Core.Stores;
using Pipeline.Evaluations.SelfRepair;
using Pipeline.Generation.SelfRepair;
using Pipeline.Runs.Export;
using Pipeline.Runs;
using StackExchange.Redis;

namespace Pipeline.Cli.Commands;

/// <summary>`lcb export RUN --out DIR`: a completed run's verdicts in the official runner's file layout.</summary>
public static class ExportCommand
{
    /// <param name="problemStore">the problem store over the Redis (and key prefix) the run state is read from</param>
    /// <param name="codegenStore">the codegen store there (a self-repair run's original code)</param>
    public static Command Create(
        Func<IConnectionMultiplexer, string, IProblemStore> problemStore, Func<IConnectionMultiplexer, string, ICodegenStore> codegenStore, IRunExportWriter writer)
    {
        var run = new Argument<string>("run") { Description = "run id, or the start of it" };
        var output = new Option<DirectoryInfo>("--out") { Description = "folder to write eval.json and eval_all.json into", Required = true };
        var command = new Command("export", "Write a completed run as the official eval.json and eval_all.json") { run, output };
        var storeOptions = new RunStoreOptions();
        RunCommandAction.Set(command, storeOptions, (parse, store, redis, cancellationToken) => ExecuteAsync(
            new ExportStores(store, problemStore(redis, storeOptions.KeyPrefix(parse)), codegenStore(redis, storeOptions.KeyPrefix(parse))),
            writer, parse.GetRequiredValue(run), parse.GetRequiredValue(output).FullName, cancellationToken));
        return command;
    }

    /// <summary>Where an export reads from: the run state, the problems, and a self-repair's code-generation samples.</summary>
    public sealed record ExportStores(IRunStore Runs, IProblemStore Problems, ICodegenStore Codegen);

    public static async Task<int> ExecuteAsync(ExportStores stores, IRunExportWriter writer, string runText, string folder, CancellationToken cancellationToken)
    {
        var run = await RunLookup.FindAsync(stores.Runs, runText, cancellationToken);
        var exported = await SelfRepairExport.WithOriginalCodeAsync(
            run, await RunExport.GatherAsync(stores.Runs, stores.Problems, run, cancellationToken), stores.Codegen, cancellationToken);
        await writer.WriteAsync(exported, folder, cancellationToken);
        Console.WriteLine($"wrote {exported.Count} problems of run {run.RunId} to {folder}");
        return 0;
    }
}
