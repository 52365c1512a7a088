namespace Pipeline.Grading.Sandbox;

/// <summary>
/// The <c>Sandbox</c> configuration section: which backend grades, how many warm workers, and the
/// limits every sample runs under. Defaults are generous on memory (the official runner sets no
/// limit, and tight limits turn correct solutions into failures) and strict on everything else.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary><c>process</c> (bubblewrap, default) or <c>docker</c>.</summary>
    public string Backend { get; set; } = "process";

    /// <summary>Warm workers; 0 means one per core.</summary>
    public int Workers { get; set; }

    /// <summary>
    /// Address space per sample (RLIMIT_AS); 0 = none, as the official runner. Even 4 GiB turns some
    /// official time-outs into memory errors (a string doubled until the alarm), so none is the default;
    /// the worker's cgroup or container still caps memory below the host's (<see cref="WorkerMemoryBytes"/>).
    /// </summary>
    public long MemoryBytes { get; set; }

    /// <summary>Processes per worker (RLIMIT_NPROC under the worker's own uid; docker pids limit).</summary>
    public int MaxProcesses { get; set; } = 256;

    /// <summary>CPU seconds per sample; 0 = the sample's backstop, (timeout + 1) × tests + 5.</summary>
    public int CpuSeconds { get; set; }

    /// <summary>Largest file a sample may write (RLIMIT_FSIZE).</summary>
    public long FileSizeBytes { get; set; } = 256L << 20;

    /// <summary>Open file descriptors per sample process (RLIMIT_NOFILE).</summary>
    public int OpenFiles { get; set; } = 256;

    /// <summary>Size of the per-sample tmpfs (the only writable place), wiped with the sample.</summary>
    public long ScratchBytes { get; set; } = 256L << 20;

    /// <summary>Worker slot i runs as uid/gid FirstUid + i, so per-uid limits and signals stay per worker.</summary>
    public int FirstUid { get; set; } = 60001;

    public string Python { get; set; } = "/usr/bin/python3";

    public ProcessBackendOptions Process { get; set; } = new();

    public DockerBackendOptions Docker { get; set; } = new();

    /// <summary>
    /// Memory for a whole worker (container, cgroup): the sample's limit plus room for the warm
    /// interpreter or, with no sample limit, the host's memory less 1 GiB, so that a memory bomb is
    /// killed inside its worker instead of by the host's OOM killer.
    /// </summary>
    public long WorkerMemoryBytes => MemoryBytes > 0
        ? MemoryBytes + (512L << 20)
        : Math.Max(1L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - (1L << 30));

    /// <summary>Processes for a whole worker (pids cgroup, container): the sample's limit plus the worker's own.</summary>
    public int WorkerProcesses => MaxProcesses > 0 ? MaxProcesses + 16 : 0;

    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;
}

public sealed class ProcessBackendOptions
{
    public string Bubblewrap { get; set; } = "/usr/bin/bwrap";

    /// <summary>Where cgroup v1 controllers are mounted; empty disables cgroups (rlimits still apply).</summary>
    public string CgroupRoot { get; set; } = "/sys/fs/cgroup";
}

public sealed class DockerBackendOptions
{
    public string Endpoint { get; set; } = "unix:///var/run/docker.sock";

    public string Image { get; set; } = "pipeline-sandbox:2";

    /// <summary>Script that builds <see cref="Image"/> from this machine's python when it is missing.</summary>
    public string BuildScript { get; set; } = "docker/sandbox-image/build.sh";

    /// <summary>CPUs per container (docker NanoCPUs); 0 = unlimited.</summary>
    public double Cpus { get; set; } = 1;
}
