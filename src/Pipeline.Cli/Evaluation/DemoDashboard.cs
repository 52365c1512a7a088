using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Stores;
using Pipeline.Evaluations;
using Pipeline.Evaluations.Http;
using Pipeline.Runs;
using Spectre.Console;

namespace Pipeline.Cli.Evaluation;

/// <summary>`lcb demo --serve`: the dashboard over the demo's in-process stores, up until Ctrl-C.</summary>
internal static class DemoDashboard
{
    public static async Task ServeAsync(IServiceProvider services, int port, Guid runId, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var url = $"http://127.0.0.1:{port}";
        await using var app = DashboardHost.Build(
            url, services.GetRequiredService<IRunStore>(), new InMemoryEvaluationLedger(), services.GetRequiredService<IProblemStore>());
        await app.StartAsync(cancellationToken);
        console.MarkupLine($"dashboard: [bold]{url}/[/] (this run: {url}/#/run/{runId}); Ctrl-C stops");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: the expected way out.
        }
        await app.StopAsync(CancellationToken.None);
    }
}
