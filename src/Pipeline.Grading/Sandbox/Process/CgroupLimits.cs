using System.Globalization;

namespace Pipeline.Grading.Sandbox.Process;

/// <summary>
/// Optional cgroup v1 limits for one worker slot: a memory cgroup (memory of the worker and its sample
/// together, no swap) and a pids cgroup, created under this process's own cgroups when the controllers
/// are mounted and writable (root). The worker joins them before it execs bubblewrap (see
/// <see cref="Wrap"/>). Where cgroups are unavailable (no root, cgroup v2 only), <see cref="TryCreate"/>
/// returns null and the rlimits applied inside the sandbox still hold.
/// </summary>
public sealed class CgroupLimits : IDisposable
{
    private readonly IReadOnlyList<string> _directories;

    private CgroupLimits(IReadOnlyList<string> directories) => _directories = directories;

    public static CgroupLimits? TryCreate(string cgroupRoot, string name, long memoryBytes, int maxProcesses)
    {
        if (string.IsNullOrEmpty(cgroupRoot) || !Environment.IsPrivilegedProcess)
        {
            return null;
        }
        var memory = Child(cgroupRoot, "memory", name);
        var pids = Child(cgroupRoot, "pids", name);
        if (memory is null || pids is null)
        {
            return null;
        }
        try
        {
            Directory.CreateDirectory(memory);
            Directory.CreateDirectory(pids);
            if (memoryBytes > 0)
            {
                Write(memory, "memory.limit_in_bytes", memoryBytes);
                Write(memory, "memory.swappiness", 0);
            }
            if (maxProcesses > 0)
            {
                Write(pids, "pids.max", maxProcesses);
            }
            return new CgroupLimits([memory, pids]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The launch command prefixed so that the worker joins these cgroups, then execs it.</summary>
    public IReadOnlyList<string> Wrap(IReadOnlyList<string> command) =>
    [
        "/bin/sh", "-c", string.Join("", _directories.Select((_, i) => $"echo $$ > \"${i + 1}/cgroup.procs\" && ")) + $"shift {_directories.Count} && exec \"$@\"",
        "sh", .. _directories, .. command,
    ];

    /// <summary>Removes the cgroups; the kernel refuses while a process is still in one, which is then left for the next run.</summary>
    public void Dispose()
    {
        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory);
            }
            catch (IOException)
            {
                // still populated: a dying worker; harmless
            }
        }
    }

    /// <summary>The controller's directory for our own cgroup (from /proc/self/cgroup) plus the child name.</summary>
    private static string? Child(string cgroupRoot, string controller, string name)
    {
        var mount = Path.Combine(cgroupRoot, controller);
        if (!File.Exists(Path.Combine(mount, "cgroup.procs")))
        {
            return null;
        }
        var own = File.ReadLines("/proc/self/cgroup")
            .Select(line => line.Split(':', 3))
            .FirstOrDefault(parts => parts.Length == 3 && parts[1].Split(',').Contains(controller))?[2] ?? "/";
        return Path.Combine(mount + own, name);
    }

    private static void Write(string directory, string file, long value) =>
        File.WriteAllText(Path.Combine(directory, file), value.ToString(CultureInfo.InvariantCulture));
}
