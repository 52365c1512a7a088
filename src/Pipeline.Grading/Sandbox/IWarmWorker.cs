
namespace Pipeline.Grading.Sandbox;

/// <summary>One warm worker of any backend (a bubblewrapped process, a container) that grades one sample at a time.</summary>
public interface IWarmWorker : IAsyncDisposable
{
    bool IsAlive { get; }

    Task<SandboxOutcome> GradeAsync(WorkerRequest request, CancellationToken cancellationToken);
}

/// <summary>Starts the warm worker of a pool slot; the slot number selects the worker's own uid.</summary>
public delegate Task<IWarmWorker> WarmWorkerStarter(int slot, CancellationToken cancellationToken);
