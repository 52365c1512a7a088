using Docker.DotNet;

namespace Pipeline.Grading.Sandbox.Docker;

/// <summary>
/// The docker backend: a pool of warm workers, each in its own long-lived hardened container. The image
/// is built on first use when missing.
/// </summary>
public sealed class DockerSandbox : ISandbox
{
    private readonly DockerClient _docker;
    private readonly SandboxOptions _options;
    private readonly WorkerPool _pool;
    private readonly Lazy<Task<HarnessMount>> _harness;

    public DockerSandbox(SandboxOptions options)
    {
        _options = options;
        _docker = new DockerClientConfiguration(new Uri(options.Docker.Endpoint)).CreateClient();
        _pool = new WorkerPool(StartAsync, options.EffectiveWorkers);
        _harness = new(() => HarnessMount.ResolveAsync(_docker, HarnessFiles.Directory, CancellationToken.None));
    }

    public Task<SandboxOutcome> GradeAsync(SandboxRequest request, CancellationToken cancellationToken = default) =>
        _pool.GradeAsync(WorkerRequest.From(request), cancellationToken);

    public Task WarmUpAsync(CancellationToken cancellationToken = default) => _pool.WarmUpAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _pool.DisposeAsync();
        _docker.Dispose();
    }

    private async Task<IWarmWorker> StartAsync(int slot, CancellationToken cancellationToken)
    {
        await SandboxImage.EnsureAsync(_docker, _options.Docker, cancellationToken);
        return await DockerWorker.StartAsync(_docker, SandboxContainerSpec.For(_options, await _harness.Value, slot), cancellationToken);
    }
}
