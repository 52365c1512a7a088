using System.CommandLine;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Pipeline.Cli.Evaluation;
using Pipeline.Cli.Runs;
using Pipeline.Contracts;
using Pipeline.Core.Scenarios;
using Pipeline.Core.Stores;
using Pipeline.Evaluations.SelfRepair;
using Pipeline.Generation.SelfRepair;
using Pipeline.Generation.ModelClient;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using RabbitMQ.Client.Exceptions;
using Spectre.Console;
using StackExchange.Redis;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb eval`: starts an evaluation on the running services by publishing StartEvaluation on RabbitMQ and
/// prints the run id; with --wait, follows the run in the Scorer's Redis run store and prints its results.
/// With --extend RUN, the model and settings come from that run (<see cref="EvalExtension"/>); a self-repair names the
/// code-generation run it repairs with --codegen (stored in Redis for the Generator before the start is published).
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "model name the server knows (required unless --extend)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 (required unless --extend, where it overrides the run's)" };
        var extend = new Option<string?>("--extend")
        {
            Description = "evaluate the selection with that run's model, sampling, prompt style, timeout and k; problems it evaluated are reused (give --api-key again if the run had one)",
            HelpName = "RUN",
        };
        var codegen = new Option<string?>("--codegen")
        {
            Description = "selfrepair: the code-generation run to repair, a finished run (id or its start) or an official _eval_all.json", HelpName = "RUN_OR_FILE",
        };
        var wait = new Option<bool>("--wait") { Description = "follow the run until it completes, then print its results" };
        var connectTimeout = new Option<double>("--connect-timeout")
        {
            Description = "seconds to wait for RabbitMQ before giving up", DefaultValueFactory = _ => 30,
        };
        var skipModelCheck = new Option<bool>("--skip-model-check")
        {
            Description = "do not ask the server's /v1/models first (when --base-url is only reachable from the services)",
        };
        var evaluation = new EvaluationOptions();
        var store = new RunStoreOptions();
        var command = new Command("eval", "Start an evaluation on the running services (Ingest, Generator, Executors, Scorer); --wait follows it to the results")
        {
            model, baseUrl, extend, codegen, wait, connectTimeout, skipModelCheck,
        };
        evaluation.AddTo(command);
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(extend) is { } extended)
            {
                Option[] runSettings = [model, codegen, .. evaluation.RunSettings];
                var given = runSettings.Where(option => parse.GetResult(option) is { Implicit: false }).Select(option => option.Name).ToList();
                if (given.Count > 0)
                {
                    await Console.Error.WriteLineAsync($"error: --extend takes the model and settings from run {extended}; drop {string.Join(", ", given)}");
                    return 2;
                }
                EvalExtension.Request extension;
                try
                {
                    extension = new EvalExtension.Request(extended, evaluation.Selection(parse), parse.GetValue(baseUrl), parse.GetValue(wait), evaluation.ModelServer(parse));
                }
                catch (ArgumentException error)
                {
                    await Console.Error.WriteLineAsync($"error: {error.Message}");
                    return ExitCodes.BadInput;
                }
                try
                {
                    var (connection, runStore) = await store.OpenAsync(parse);
                    await using (connection.ConfigureAwait(false))
                    {
                        return await EvalExtension.ExecuteAsync(extension,
                            StartPublisher.WithStartTimeout(evaluation.Bus(parse), parse.GetValue(connectTimeout)), runStore, AnsiConsole.Console, cancellationToken);
                    }
                }
                catch (Exception error) when (error is RunNotFoundException or RunNotExtendableException
                    or RedisConnectionException or BrokerUnreachableException or RabbitMqConnectionException)
                {
                    await Console.Error.WriteLineAsync($"error: {error.Message}");
                    return 1;
                }
            }
            StartEvaluation start;
            try
            {
                start = evaluation.Template(parse).For(
                    parse.GetValue(model) ?? throw new ArgumentException("--model is required (or --extend RUN)"),
                    parse.GetValue(baseUrl) ?? throw new ArgumentException("--base-url is required (or --extend RUN)"));
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
                return 2;
            }
            if ((start.Scenario == ScenarioNames.SelfRepair) != (parse.GetValue(codegen) is not null))
            {
                await Console.Error.WriteLineAsync(start.Scenario == ScenarioNames.SelfRepair
                    ? "error: --scenario selfrepair needs --codegen RUN_OR_FILE (the code-generation run to repair)"
                    : "error: --codegen is for --scenario selfrepair only");
                return ExitCodes.BadInput;
            }
            if (!parse.GetValue(skipModelCheck) && await ModelServerCheck.CheckAsync(start.BaseUrl, start.Model,
                    ModelServerCommandOptions.CheckKey(start.ModelServer), ModelServerCheck.DefaultTimeout, cancellationToken) is { } refused)
            {
                await Console.Error.WriteLineAsync($"error: {refused.Message}; nothing was started (--skip-model-check starts anyway)");
                return refused.Reachable ? ExitCodes.BadInput : ExitCodes.Failed;
            }
            if (parse.GetValue(codegen) is { } repaired)
            {
                try
                {
                    start = await SelfRepairOf(start, repaired, store, parse, cancellationToken);
                }
                catch (Exception error) when (error is InvalidDataException or RunNotFoundException or RedisConnectionException)
                {
                    await Console.Error.WriteLineAsync($"error: {error.Message}");
                    return error is InvalidDataException ? ExitCodes.BadInput : ExitCodes.Failed;
                }
            }
            var bus = StartPublisher.WithStartTimeout(evaluation.Bus(parse), parse.GetValue(connectTimeout));
            try
            {
                if (!parse.GetValue(wait))
                {
                    return await ExecuteAsync(start, bus, runStore: null, AnsiConsole.Console, cancellationToken);
                }
                var (connection, runStore) = await store.OpenAsync(parse);
                await using (connection.ConfigureAwait(false))
                {
                    return await ExecuteAsync(start, bus, runStore, AnsiConsole.Console, cancellationToken);
                }
            }
            catch (Exception error) when (error is BrokerUnreachableException or RabbitMqConnectionException)
            {
                await Console.Error.WriteLineAsync(
                    $"error: RabbitMQ not reachable within {parse.GetValue(connectTimeout)} s ({error.Message}); is it running? see --rabbitmq, --vhost, --connect-timeout");
                return 1;
            }
            catch (RedisConnectionException error)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The start as a self-repair of <paramref name="codegen"/>, whose samples are stored for the Generator in the services' Redis.</summary>
    private static async Task<StartEvaluation> SelfRepairOf(
        StartEvaluation start, string codegen, RunStoreOptions store, ParseResult parse, CancellationToken cancellationToken)
    {
        var (connection, _) = await store.OpenAsync(parse);
        await using (connection.ConfigureAwait(false))
        {
            var keys = new RedisKeys(store.KeyPrefix(parse));
            return await new SelfRepairStart(CodegenRunSource.Reader(connection, keys), new RedisCodegenStore(connection, keys))
                .AttachAsync(start, codegen, cancellationToken);
        }
    }

    /// <summary>
    /// Publishes <paramref name="start"/> from a bus-only host (no consumers) configured by <paramref name="bus"/>
    /// (section Bus, as every service); with a run store, waits for the run and prints its results.
    /// </summary>
    public static async Task<int> ExecuteAsync(
        StartEvaluation start, IConfiguration bus, IRunStore? runStore, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (await StartPublisher.PublishAsync(start, bus, console, cancellationToken) is { } refused)
        {
            await Console.Error.WriteLineAsync($"error: {StartPublisher.RefusalLine(refused)}");
            return ExitCodes.BadInput;
        }
        if (runStore is null)
        {
            console.WriteLine(start.RunId.ToString());
            return 0;
        }
        return await FollowAsync(runStore, start.RunId, console, cancellationToken);
    }

    /// <summary>
    /// Waits for the run to complete in the run store, then prints its results. A run that failed to start ends the
    /// wait with exit code 4, a stalled one (all that is left is parked) with 3, each with the reason on stderr.
    /// </summary>
    public static async Task<int> FollowAsync(IRunStore runStore, Guid runId, IAnsiConsole console, CancellationToken cancellationToken)
    {
        RunWatcher.Outcome outcome;
        try
        {
            outcome = await RunWatcher.WaitAsync(runStore, runId, console, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var id = runId.ToString("N")[..8];
            await Console.Error.WriteLineAsync(
                $"interrupted: run {runId} goes on in the services; follow it with `lcb status {id}`, its results with `lcb results {id}`");
            return ExitCodes.Interrupted;
        }
        if (outcome.FailedStart is { } failed)
        {
            await Console.Error.WriteLineAsync($"error: run {runId} failed to start: {failed.Reason}");
            return ExitCodes.RunFailed;
        }
        if (outcome.Progress is { IsStalled: true } stalled)
        {
            await Console.Error.WriteLineAsync($"error: run {runId} stalled: {ParkedSummary.Describe(runId, stalled.Parked)}");
            return ExitCodes.RunStalled;
        }
        return await ResultsCommand.ExecuteAsync(runStore, console, runId.ToString(), by: null, DateWindow.All, json: false, cancellationToken);
    }
}
