using Docker.DotNet;
using Docker.DotNet.Models;

namespace Pipeline.Grading.Sandbox.Docker;

/// <summary>
/// One warm worker in its own hardened container (<see cref="SandboxContainerSpec"/>), spoken to over a
/// hijacked attach (<see cref="WorkerConversation"/>). Once the conversation breaks it is dead and its
/// container removed.
/// </summary>
public sealed class DockerWorker : IWarmWorker
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly IDockerClient _docker;
    private readonly string _containerId;
    private readonly AttachedChannel _channel;
    private readonly WorkerConversation _conversation;
    private bool _disposed;

    private DockerWorker(IDockerClient docker, string containerId, AttachedChannel channel)
    {
        _docker = docker;
        _containerId = containerId;
        _channel = channel;
        _conversation = new WorkerConversation(channel, "docker worker");
    }

    public bool IsAlive => !_disposed && !_conversation.IsBroken;

    public static async Task<DockerWorker> StartAsync(IDockerClient docker, CreateContainerParameters spec, CancellationToken cancellationToken)
    {
        var created = await docker.Containers.CreateContainerAsync(spec, cancellationToken);
        var attach = new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true };
        var stream = await docker.Containers.AttachContainerAsync(created.ID, tty: false, attach, cancellationToken);
        var worker = new DockerWorker(docker, created.ID, new AttachedChannel(stream));
        try
        {
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
            await worker._conversation.WaitUntilReadyAsync(StartTimeout, cancellationToken);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    public Task<SandboxOutcome> GradeAsync(WorkerRequest request, CancellationToken cancellationToken) =>
        _conversation.GradeAsync(request, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _channel.Dispose();
        try
        {
            await _docker.Containers.RemoveContainerAsync(_containerId, new ContainerRemoveParameters { Force = true });
        }
        catch (DockerContainerNotFoundException)
        {
            // AutoRemove already took it
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // removal already in progress (AutoRemove)
        }
    }
}
