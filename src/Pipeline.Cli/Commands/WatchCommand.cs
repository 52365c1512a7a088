using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Evaluations.Http;
using Pipeline.Evaluations.Watching;
using Pipeline.Cli.Evaluation;
using Pipeline.Cli.Runs;
using Pipeline.Generation.ModelClient;
using Pipeline.Hosting;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb watch`: polls a model server's /v1/models and starts one evaluation (StartEvaluation on RabbitMQ) for every new
/// model id, in the foreground until Ctrl-C. Claims live in Redis, so a restart or another watcher never repeats a model.
/// </summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var baseUrl = new Option<string>("--base-url") { Description = "OpenAI-compatible server to watch, e.g. http://127.0.0.1:8000/v1", Required = true };
        var interval = new Option<string>("--interval") { Description = "time between polls: 30s, 5m, 00:01:00", DefaultValueFactory = _ => "30s" };
        var match = new Option<string?>("--match") { Description = "only model ids matching this regular expression" };
        var evaluation = new EvaluationOptions();
        var store = new RunStoreOptions();
        var command = new Command("watch", "Start an evaluation for every new model a server lists, polling until Ctrl-C")
        {
            baseUrl, interval, match,
        };
        evaluation.AddTo(command);
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            WatchSettings settings;
            try
            {
                var url = parse.GetRequiredValue(baseUrl);
                OpenAiModelClient.ServerAddress(url);
                settings = new WatchSettings
                {
                    BaseUrl = url,
                    Interval = IntervalText.Parse(parse.GetRequiredValue(interval)),
                    Match = WatchSettings.Pattern(parse.GetValue(match)),
                    Template = evaluation.Template(parse),
                };
                if (WatchSettings.ScenarioProblem(settings.Template.Scenario) is { } scenario)
                {
                    throw new ArgumentException($"--scenario: {scenario}");
                }
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
                return 2;
            }
            var configuration = new ConfigurationBuilder()
                .AddConfiguration(evaluation.Bus(parse))
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Redis:Configuration"] = store.Redis(parse),
                    ["Stores:KeyPrefix"] = store.KeyPrefix(parse),
                })
                .Build();
            return await ExecuteAsync(settings, configuration, AnsiConsole.Console, cancellationToken);
        });
        return command;
    }

    /// <summary>Watches with the bus and Redis of <paramref name="configuration"/> (sections Bus, Redis, Stores) until cancelled.</summary>
    public static async Task<int> ExecuteAsync(WatchSettings settings, IConfiguration configuration, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddEvaluationLauncher(builder.Configuration);
        builder.Services.AddCheckpointWatcher(settings, builder.Configuration);
        builder.Services.AddPipelineBus(builder.Configuration, _ => { });
        using var host = builder.Build();
        console.MarkupLine($"watching [bold]{Markup.Escape(settings.BaseUrl)}[/] every {settings.Interval}{(settings.Match is null ? "" : $" for ids matching {Markup.Escape(settings.Match.ToString())}")} (Ctrl-C stops)");
        try
        {
            await host.StartAsync(cancellationToken);
            var watcher = host.Services.GetRequiredService<CheckpointWatcher>();
            if (await RefusalAsync(settings, host.Services, watcher, cancellationToken) is { } refused)
            {
                await Console.Error.WriteLineAsync($"error: {refused.Line}");
                return refused.ExitCode;
            }
            await watcher.RunAsync(outcome => Print(outcome, console), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stopping.Token);
        }
        return 0;
    }

    /// <summary>Before watching: the server answers its model list, and Ingest does not refuse the selection.</summary>
    private static async Task<(string Line, int ExitCode)?> RefusalAsync(
        WatchSettings settings, IServiceProvider services, CheckpointWatcher watcher, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<IModelCatalog>().ListAsync(settings.BaseUrl, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return ($"model server {settings.BaseUrl} does not list its models: {error.Message}; nothing is watched", ExitCodes.Failed);
        }
        return await watcher.SelectionRefusalAsync(cancellationToken) is { } refused ? (StartPublisher.RefusalLine(refused), ExitCodes.BadInput) : null;
    }

    private static Task Print(PollOutcome outcome, IAnsiConsole console)
    {
        foreach (var start in outcome.Started)
        {
            console.MarkupLine($"[bold]run {start.RunId}[/]: {Markup.Escape(start.Model)}, {Markup.Escape(start.Selection.Release)}, n={start.Sampling.N}");
        }
        foreach (var problem in outcome.Problems)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(problem)}[/]");
        }
        return Task.CompletedTask;
    }
}
