namespace Pipeline.Grading.Sandbox.Process;

/// <summary>
/// The argv that starts one warm worker under bubblewrap: every namespace unshared (no network, own
/// PID space), an empty environment, a read-only system with only numpy and pandas (for code execution's
/// official imports) among the third-party modules (as in the official runner's environment), the harness
/// read-only, and nothing writable at all: each sample brings its own tmpfs mounts (harness/isolation.py),
/// so the worker keeps no scratch. When we
/// are root it first drops to the worker slot's own unprivileged uid, so that host files stay protected
/// by permissions too and per-uid limits (RLIMIT_NPROC) count this worker's processes only.
/// Each sample then gets its own namespaces and tmpfs inside (harness/isolation.py).
/// </summary>
public static class BubblewrapCommand
{
    public const string HarnessMount = "/harness";
    private const string SitePackages = "/usr/lib/python3/dist-packages";
    /// <summary>The third-party modules a sample may import: numpy, and pandas with what it imports.</summary>
    private static readonly string[] Modules = ["numpy", "pandas", "dateutil", "pytz", "six.py"];

    public static IReadOnlyList<string> Build(SandboxOptions options, string harnessDirectory, int workerSlot, bool runningAsRoot)
    {
        var argv = new List<string>();
        if (runningAsRoot)
        {
            var id = options.FirstUid + workerSlot;
            argv.AddRange(["/usr/bin/setpriv", $"--reuid={id}", $"--regid={id}", "--clear-groups"]);
        }
        argv.AddRange([options.Process.Bubblewrap, "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
            "--ro-bind", "/usr", "/usr"]);
        foreach (var top in new[] { "/bin", "/sbin", "/lib", "/lib64", "/lib32" })
        {
            argv.AddRange(BindTopLevel(top));
        }
        // Debian reaches BLAS (numpy) through /etc/alternatives
        argv.AddRange(["--ro-bind-try", "/etc/alternatives", "/etc/alternatives"]);
        // hide every third-party module but those, and anything pip put under /usr/local
        argv.AddRange(["--tmpfs", SitePackages]);
        foreach (var module in Modules)
        {
            argv.AddRange(["--ro-bind-try", $"{SitePackages}/{module}", $"{SitePackages}/{module}"]);
        }
        argv.AddRange(["--tmpfs", "/usr/local"]);
        argv.AddRange(["--proc", "/proc", "--dev", "/dev", "--dir", "/tmp", "--chdir", "/tmp"]);
        argv.AddRange(["--ro-bind", harnessDirectory, HarnessMount]);
        // bwrap's own tmpfs mounts, read-only: a module planted in dist-packages would reach the next sample
        argv.AddRange(["--remount-ro", SitePackages, "--remount-ro", "/usr/local", "--remount-ro", "/", "--remount-ro", "/dev"]);
        argv.AddRange(["--setenv", "LANG", "C.UTF-8", "--setenv", "PATH", "/usr/bin:/bin"]);
        argv.AddRange(WorkerArguments.For(options, HarnessMount, "/tmp", ownUid: runningAsRoot));
        return argv;
    }

    /// <summary>Merged-/usr systems make /bin, /lib… symlinks into /usr: recreate those, bind the rest.</summary>
    private static IEnumerable<string> BindTopLevel(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            return ["--symlink", target, path];
        }
        return Directory.Exists(path) ? ["--ro-bind", path, path] : [];
    }
}
