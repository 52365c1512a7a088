using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Hosting;
using Spectre.Console;

namespace Pipeline.Cli.Evaluation;

/// <summary>How the CLI starts a run on the running services: StartEvaluation published from a bus-only host.</summary>
public static class StartPublisher
{
    /// <summary>Publishes <paramref name="start"/> from a bus-only host (no consumers) and names the run it starts.</summary>
    public static async Task PublishAsync(StartEvaluation start, IConfiguration bus, IAnsiConsole console, CancellationToken cancellationToken)
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
    }

    /// <summary>A person waits for the CLI: the bus start gives up after the timeout instead of retrying for ever.</summary>
    public static IConfiguration WithStartTimeout(IConfiguration bus, double seconds) => new ConfigurationBuilder()
        .AddConfiguration(bus)
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{BusOptions.Section}:{nameof(BusOptions.StartTimeoutSeconds)}"] = seconds.ToString(CultureInfo.InvariantCulture),
        })
        .Build();
}
