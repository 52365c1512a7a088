using System.Diagnostics;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Pipeline.Grading;

namespace Pipeline.Grading.Sandbox.Docker;

/// <summary>
/// One warm worker in its own hardened container (<see cref="SandboxContainerSpec"/>), spoken to in
/// JSON lines over a hijacked attach. Any break of the protocol marks it dead and removes the container.
/// </summary>
public sealed class DockerWorker : IWarmWorker
{
    private static readonly TimeSpan ReplyGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly IDockerClient _docker;
    private readonly string _containerId;
    private readonly AttachedChannel _channel;

    private DockerWorker(IDockerClient docker, string containerId, AttachedChannel channel)
    {
        _docker = docker;
        _containerId = containerId;
        _channel = channel;
    }

    public bool IsAlive { get; private set; } = true;

    public static async Task<DockerWorker> StartAsync(IDockerClient docker, CreateContainerParameters spec, CancellationToken cancellationToken)
    {
        var created = await docker.Containers.CreateContainerAsync(spec, cancellationToken);
        var attach = new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true };
        var stream = await docker.Containers.AttachContainerAsync(created.ID, tty: false, attach, cancellationToken);
        var worker = new DockerWorker(docker, created.ID, new AttachedChannel(stream));
        try
        {
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var ready = await worker._channel.ReadLineAsync(timeout.Token);
            if (ready is null || !ready.Contains("\"ready\": true", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"docker worker did not start: {ready ?? "no ready line"}; stderr: {worker._channel.StderrTail}");
            }
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    public async Task<SandboxOutcome> GradeAsync(WorkerRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Backstop + ReplyGrace);
        try
        {
            await _channel.WriteLineAsync(JsonSerializer.Serialize(request), deadline.Token);
            var line = await _channel.ReadLineAsync(deadline.Token);
            var reply = line is null ? null : JsonSerializer.Deserialize<WorkerReply>(line);
            if (reply?.Id == request.Id)
            {
                return reply.ToOutcome(clock.Elapsed);
            }
            IsAlive = false;
            return SandboxOutcome.Faulted($"docker worker lost (reply {line ?? "none"}); stderr: {_channel.StderrTail}", clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            IsAlive = false;
            return SandboxOutcome.Faulted($"docker worker silent past the backstop; stderr: {_channel.StderrTail}", clock.Elapsed);
        }
        catch (Exception e) when (e is IOException or JsonException or DockerApiException)
        {
            IsAlive = false;
            return SandboxOutcome.Faulted($"docker worker channel broken: {e.Message}", clock.Elapsed);
        }
    }

    public async ValueTask DisposeAsync()
    {
        IsAlive = false;
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
