using System.Collections.Concurrent;

namespace Pipeline.Grading.Sandbox.Process;

/// <summary>The process backend: a pool of warm workers, each inside its own bubblewrap sandbox and, where available, its own cgroups.</summary>
public sealed class BubblewrapSandbox : ISandbox
{
    private readonly SandboxOptions _options;
    private readonly WorkerPool _pool;
    private readonly string _name = $"pipeline-sandbox-{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<int, CgroupLimits?> _cgroups = new();

    public BubblewrapSandbox(SandboxOptions options)
    {
        _options = options;
        _pool = new WorkerPool(StartAsync, options.EffectiveWorkers);
    }

    public Task<SandboxOutcome> GradeAsync(SandboxRequest request, CancellationToken cancellationToken = default) =>
        _pool.GradeAsync(WorkerRequest.From(request), cancellationToken);

    public Task WarmUpAsync(CancellationToken cancellationToken = default) => _pool.WarmUpAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _pool.DisposeAsync();
        foreach (var cgroup in _cgroups.Values)
        {
            cgroup?.Dispose();
        }
    }

    private async Task<IWarmWorker> StartAsync(int slot, CancellationToken cancellationToken)
    {
        var command = BubblewrapCommand.Build(_options, HarnessFiles.Directory, slot, Environment.IsPrivilegedProcess);
        var cgroup = _cgroups.GetOrAdd(slot, s => CgroupLimits.TryCreate(
            _options.Process.CgroupRoot, $"{_name}-{s}", _options.WorkerMemoryBytes, _options.WorkerProcesses));
        return await WorkerProcess.StartAsync(cgroup?.Wrap(command) ?? command, cancellationToken);
    }
}
