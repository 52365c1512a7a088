using System.CommandLine;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Cli.Evaluation;
using Pipeline.Cli.Runs;
using Pipeline.Contracts;
using Pipeline.Hosting;
using Pipeline.Scorer.Runs;
using Pipeline.Scorer.Scoring;
using RabbitMQ.Client.Exceptions;
using Spectre.Console;
using StackExchange.Redis;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb eval`: starts an evaluation on the running services by publishing StartEvaluation on RabbitMQ and
/// prints the run id; with --wait, follows the run in the Scorer's Redis run store and prints its results.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "model name the server knows", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1", Required = true };
        var wait = new Option<bool>("--wait") { Description = "follow the run until it completes, then print its results" };
        var evaluation = new EvaluationOptions();
        var store = new RunStoreOptions();
        var command = new Command("eval", "Start an evaluation on the running services (Ingest, Generator, Executors, Scorer); --wait follows it to the results")
        {
            model, baseUrl, wait,
        };
        evaluation.AddTo(command);
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            StartEvaluation start;
            try
            {
                start = evaluation.Template(parse).For(parse.GetRequiredValue(model), parse.GetRequiredValue(baseUrl));
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
                return 2;
            }
            var bus = evaluation.Bus(parse);
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
            catch (Exception error) when (error is RedisConnectionException or BrokerUnreachableException or RabbitMqConnectionException)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// Publishes <paramref name="start"/> from a bus-only host (no consumers) configured by <paramref name="bus"/>
    /// (section Bus, as every service); with a run store, waits for the run and prints its results.
    /// </summary>
    public static async Task<int> ExecuteAsync(
        StartEvaluation start, IConfiguration bus, IRunStore? runStore, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(bus);
        builder.Services.AddPipelineBus(builder.Configuration, _ => { });
        using (var host = builder.Build())
        {
            try
            {
                await host.StartAsync(cancellationToken);
                await host.Services.GetRequiredService<IBus>().Publish(start, cancellationToken);
            }
            finally
            {
                // Also when the broker is unreachable: stopping ends the bus's reconnect attempts, so the process can exit.
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await host.StopAsync(stopping.Token);
            }
        }
        console.MarkupLine($"[bold]run {start.RunId}[/]: {Markup.Escape(start.Model)}, {Markup.Escape(start.Selection.Release)}, n={start.Sampling.N}");
        if (runStore is null)
        {
            console.WriteLine(start.RunId.ToString());
            return 0;
        }
        await RunWatcher.WaitAsync(runStore, start.RunId, console, cancellationToken);
        return await ResultsCommand.ExecuteAsync(runStore, console, start.RunId.ToString(), by: null, DateWindow.All, json: false, cancellationToken);
    }
}
