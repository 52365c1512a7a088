using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Evaluations.Checks;
using Pipeline.Hosting;
using Spectre.Console;

namespace Pipeline.Cli.Evaluation;

/// <summary>How the CLI starts a run on the running services: Ingest checks the selection, then StartEvaluation is published.</summary>
public static class StartPublisher
{
    /// <summary>
    /// From a bus-only host (no consumers): asks Ingest whether the selection would start a run, and publishes
    /// <paramref name="start"/> unless it refuses. A silent Ingest is noted on stderr and does not hold the run back.
    /// </summary>
    /// <returns>null when published; otherwise Ingest's objections by request field, and nothing was published.</returns>
    public static async Task<IReadOnlyDictionary<string, string>?> PublishAsync(
        StartEvaluation start, IConfiguration bus, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(bus);
        builder.Services.AddStartChecks(builder.Configuration);
        builder.Services.AddPipelineBus(builder.Configuration, _ => { });
        SelectionChecked? answer;
        using (var host = builder.Build())
        {
            try
            {
                await host.StartAsync(cancellationToken);
                answer = await host.Services.GetRequiredService<ISelectionChecker>().CheckAsync(
                    new CheckSelection { Selection = start.Selection, Scenario = start.Scenario, Cot = start.Cot }, cancellationToken);
                if (answer is { Errors.Count: > 0 })
                {
                    return answer.Errors;
                }
                await host.Services.GetRequiredService<IBus>().Publish(start, cancellationToken);
            }
            finally
            {
                // Also when the broker is unreachable: stopping ends the bus's reconnect attempts, so the process can exit.
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await host.StopAsync(stopping.Token);
            }
        }
        if (answer is null)
        {
            await Console.Error.WriteLineAsync(
                "note: Ingest did not answer, so the selection was not checked before the start; Ingest checks it when the run starts (`lcb status` shows a refusal)");
        }
        var problems = answer is null ? "" : $" ({answer.Problems} problems)";
        console.MarkupLine($"[bold]run {start.RunId}[/]: {Markup.Escape(start.Model)}, {Markup.Escape(start.Selection.Release)}, n={start.Sampling.N}{problems}");
        return null;
    }

    /// <summary>One line for a refused start, naming each option as typed: `--platform: unknown 'topcoder' …`.</summary>
    public static string RefusalLine(IReadOnlyDictionary<string, string> errors) =>
        $"Ingest refuses the selection: {string.Join("; ", errors.Select(e => $"{OptionOf(e.Key)}: {e.Value}"))}; nothing was started";

    private static string OptionOf(string field) => field switch
    {
        "startDate" => "--start-date",
        "endDate" => "--end-date",
        "platforms" => "--platform",
        "difficulties" => "--difficulty",
        "selection" => "the selection",
        _ => $"--{field}",
    };

    /// <summary>A person waits for the CLI: the bus start gives up after the timeout instead of retrying for ever.</summary>
    public static IConfiguration WithStartTimeout(IConfiguration bus, double seconds) => new ConfigurationBuilder()
        .AddConfiguration(bus)
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{BusOptions.Section}:{nameof(BusOptions.StartTimeoutSeconds)}"] = seconds.ToString(CultureInfo.InvariantCulture),
        })
        .Build();
}
