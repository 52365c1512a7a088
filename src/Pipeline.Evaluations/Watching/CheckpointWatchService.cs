using Microsoft.Extensions.Hosting;

namespace Pipeline.Evaluations.Watching;

/// <summary>The watcher as a hosted service of the API host (when Watch:BaseUrl is configured); the watcher logs what it does.</summary>
public sealed class CheckpointWatchService(CheckpointWatcher watcher) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await watcher.RunAsync(_ => Task.CompletedTask, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
