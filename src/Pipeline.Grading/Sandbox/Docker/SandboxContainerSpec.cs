using System.Globalization;
using Docker.DotNet.Models;

namespace Pipeline.Grading.Sandbox.Docker;

/// <summary>
/// The hardened container one warm worker lives in: no network, read-only root and no scratch of its
/// own, every capability dropped, no privilege gain, an unprivileged uid of its own, memory, pids and
/// CPU limits and the harness mounted read-only (<see cref="HarnessMount"/>). Reused across samples; each sample gets its own
/// namespaces, tmpfs mounts and /proc inside (isolation.py). Docker's masks over /proc are left off
/// (as <c>systempaths=unconfined</c>): the kernel refuses a new /proc to a sample while parts of the
/// old one are hidden, and the worker's own /proc shows nothing a sample may not see in its own.
/// </summary>
public static class SandboxContainerSpec
{
    public const string Label = "pipeline.sandbox";

    public static CreateContainerParameters For(SandboxOptions options, HarnessMount harness, int workerSlot)
    {
        var uid = (options.FirstUid + workerSlot).ToString(CultureInfo.InvariantCulture);
        return new CreateContainerParameters
        {
            Image = options.Docker.Image,
            Name = $"pipeline-sandbox-{Guid.NewGuid():N}",
            User = $"{uid}:{uid}",
            Cmd = [.. WorkerArguments.For(options, harness.Directory, "/tmp", ownUid: true)],
            Env = [],
            WorkingDir = "/tmp",
            Labels = new Dictionary<string, string> { [Label] = "worker" },
            AttachStdin = true,
            AttachStdout = true,
            AttachStderr = true,
            OpenStdin = true,
            StdinOnce = true,
            Tty = false,
            NetworkDisabled = true,
            HostConfig = new HostConfig
            {
                NetworkMode = "none",
                ReadonlyRootfs = true,
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges", $"seccomp={SeccompProfile.Json}"],
                Memory = options.WorkerMemoryBytes,
                MemorySwap = options.WorkerMemoryBytes,
                PidsLimit = options.WorkerProcesses,
                NanoCPUs = (long)(options.Docker.Cpus * 1e9),
                MaskedPaths = [],
                ReadonlyPaths = [],
                Mounts = [harness.Mount],
                AutoRemove = true,
            },
        };
    }
}
