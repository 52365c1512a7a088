using System.CommandLine;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Cli.Evaluation;
using Pipeline.Cli.Runs;
using Pipeline.Contracts;
using Pipeline.Generator.Prompts;
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
        var timeout = new Option<double>("--timeout") { Description = "seconds per test, as the official runner", DefaultValueFactory = _ => 6 };
        var ks = new Option<string>("--k") { Description = "pass@k values, comma-separated", DefaultValueFactory = _ => "1,5,10" };
        var wait = new Option<bool>("--wait") { Description = "follow the run until it completes, then print its results" };
        var rabbitMq = new Option<string?>("--rabbitmq") { Description = "RabbitMQ host (default: PIPELINE_Bus__Host, else localhost)" };
        var virtualHost = new Option<string?>("--vhost") { Description = "RabbitMQ virtual host (default: PIPELINE_Bus__VirtualHost, else /)" };
        var connectTimeout = new Option<double>("--connect-timeout")
        {
            Description = "seconds to wait for RabbitMQ before giving up", DefaultValueFactory = _ => 30,
        };
        var selection = new SelectionOptions(withSource: false);
        var sampling = new SamplingOptions();
        var store = new RunStoreOptions();
        var command = new Command("eval", "Start an evaluation on the running services (Ingest, Generator, Executors, Scorer); --wait follows it to the results")
        {
            model, baseUrl, timeout, ks, wait, rabbitMq, virtualHost, connectTimeout,
        };
        selection.AddTo(command);
        sampling.AddTo(command);
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            StartEvaluation start;
            try
            {
                start = new StartEvaluation
                {
                    RunId = Guid.NewGuid(),
                    Model = parse.GetRequiredValue(model),
                    BaseUrl = parse.GetRequiredValue(baseUrl),
                    Selection = selection.Selection(parse),
                    PromptStyle = sampling.Style(parse).Name(),
                    Sampling = sampling.Settings(parse),
                    TimeoutSeconds = parse.GetValue(timeout),
                    Ks = ParseKs(parse.GetRequiredValue(ks)),
                };
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
                return 2;
            }
            var bus = BusConfiguration(parse.GetValue(rabbitMq), parse.GetValue(virtualHost), parse.GetValue(connectTimeout));
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

    /// <summary>The Bus section: PIPELINE_-prefixed environment as the services read it, then the command line.</summary>
    internal static IConfiguration BusConfiguration(string? host, string? virtualHost, double? connectTimeoutSeconds = null)
    {
        var overrides = new Dictionary<string, string?>();
        if (connectTimeoutSeconds is { } seconds)
        {
            overrides[$"{BusOptions.Section}:{nameof(BusOptions.StartTimeoutSeconds)}"] = seconds.ToString(CultureInfo.InvariantCulture);
        }
        if (host is not null)
        {
            overrides["Bus:Host"] = host;
        }
        if (virtualHost is not null)
        {
            overrides["Bus:VirtualHost"] = virtualHost;
        }
        return new ConfigurationBuilder()
            .AddEnvironmentVariables(prefix: "PIPELINE_")
            .AddInMemoryCollection(overrides)
            .Build();
    }

    private static int[] ParseKs(string text)
    {
        var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ks = new List<int>();
        foreach (var value in values)
        {
            if (!int.TryParse(value, out var k) || k < 1)
            {
                throw new ArgumentException($"--k: '{value}' is not a positive whole number");
            }
            ks.Add(k);
        }
        return ks.Count > 0 ? [.. ks.Distinct().Order()] : throw new ArgumentException("--k: give at least one value");
    }
}
