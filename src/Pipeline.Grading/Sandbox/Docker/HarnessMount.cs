using Docker.DotNet;
using Docker.DotNet.Models;

namespace Pipeline.Grading.Sandbox.Docker;

/// <summary>
/// How a sibling sandbox container sees the Executor's harness folder (read-only), and the folder's path inside it.
/// An Executor on the host binds its folder. An Executor that is itself a container (compose, Swarm) has the folder
/// on one of its own mounts, which names what the daemon knows: the sandbox mounts the same named volume (so
/// `docker compose down -v` removes every harness with it) or binds the bind's host path.
/// </summary>
public sealed record HarnessMount(Mount Mount, string Directory)
{
    private const string HarnessTarget = "/harness";
    private const string VolumeTarget = "/harness-volume";

    public static async Task<HarnessMount> ResolveAsync(IDockerClient docker, string harnessDirectory, CancellationToken cancellationToken)
    {
        var own = await OwnMountsAsync(docker, cancellationToken);
        return For(harnessDirectory, own);
    }

    /// <summary>The harness folder seen through the deepest of the Executor container's mounts that holds it (none on a host).</summary>
    public static HarnessMount For(string harnessDirectory, IEnumerable<MountPoint> ownMounts)
    {
        var holding = ownMounts.Where(m => Holds(m.Destination, harnessDirectory)).MaxBy(m => m.Destination.Length);
        if (holding is null)
        {
            return Bind(harnessDirectory);
        }
        var relative = Path.GetRelativePath(holding.Destination, harnessDirectory);
        return holding.Type == "volume"
            ? new HarnessMount(new Mount { Type = "volume", Source = holding.Name, Target = VolumeTarget, ReadOnly = true },
                Path.Combine(VolumeTarget, relative))
            : Bind(Path.Combine(holding.Source, relative));
    }

    private static HarnessMount Bind(string hostPath) =>
        new(new Mount { Type = "bind", Source = hostPath, Target = HarnessTarget, ReadOnly = true }, HarnessTarget);

    private static bool Holds(string mountPoint, string path) =>
        path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>The mounts of the container this process runs in, found by its hostname (Docker's default: the container id).</summary>
    private static async Task<IReadOnlyList<MountPoint>> OwnMountsAsync(IDockerClient docker, CancellationToken cancellationToken)
    {
        if (!File.Exists("/.dockerenv"))
        {
            return [];
        }
        try
        {
            var self = await docker.Containers.InspectContainerAsync(Environment.MachineName, cancellationToken);
            return [.. self.Mounts];
        }
        catch (DockerContainerNotFoundException)
        {
            return []; // a hostname of its own: the harness folder is bound as on a host (the same path must exist there)
        }
    }
}
