using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Grading.Sandbox;

namespace Pipeline.Grading;

/// <summary>
/// Starts the sandbox's workers when the Executor starts, not when its first sample arrives: a worker takes about a
/// second to start here (bubblewrap, python3, the warm imports), which would otherwise stand between a run's start and
/// its first scored sample. A worker that will not start is left to the first sample, which reports it.
/// </summary>
public sealed class WorkerWarmUp(ISandbox sandbox, ILogger<WorkerWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await sandbox.WarmUpAsync(stoppingToken);
            logger.LogInformation("Sandbox warm-up done (a worker that did not start is tried again by its first sample)");
        }
        catch (Exception e)
        {
            // stopping, or the sandbox is gone: grading starts its workers on first use, and reports what fails then
            logger.LogDebug(e, "Sandbox warm-up stopped");
        }
    }
}
