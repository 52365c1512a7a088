using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;

namespace Pipeline.UnitTests.Grading;

public sealed class WorkerWarmUpTests
{
    [Fact]
    public async Task The_workers_start_with_the_host()
    {
        var sandbox = new WarmingSandbox();
        using var warmUp = new WorkerWarmUp(sandbox, NullLogger<WorkerWarmUp>.Instance);

        await warmUp.StartAsync(CancellationToken.None);
        await warmUp.ExecuteTask!;

        Assert.Equal(1, sandbox.WarmUps);
    }

    [Fact]
    public async Task A_warm_up_that_fails_leaves_the_host_running()
    {
        var sandbox = new WarmingSandbox { Failure = new ObjectDisposedException("sandbox") };
        using var warmUp = new WorkerWarmUp(sandbox, NullLogger<WorkerWarmUp>.Instance);

        await warmUp.StartAsync(CancellationToken.None);
        await warmUp.ExecuteTask!; // a fault here would stop the host (BackgroundServiceExceptionBehavior.StopHost)

        Assert.Equal(1, sandbox.WarmUps);
    }

    private sealed class WarmingSandbox : ISandbox
    {
        public Exception? Failure { get; init; }

        public int WarmUps { get; private set; }

        public Task WarmUpAsync(CancellationToken cancellationToken = default)
        {
            WarmUps++;
            return Failure is null ? Task.CompletedTask : Task.FromException(Failure);
        }

        public Task<SandboxOutcome> GradeAsync(SandboxRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
