namespace Pipeline.Grading.Sandbox.Docker;

/// <summary>
/// The seccomp profile of sandbox containers. Docker's default profile refuses unshare(CLONE_NEWUSER),
/// which the worker needs to give each sample its own PID and mount namespaces (isolation.py); this
/// profile allows everything else an unprivileged process may do and refuses the calls that widen the
/// kernel surface or reach other processes (ptrace, bpf, keyrings, io_uring, module and clock calls).
/// With CapDrop ALL and no-new-privileges, mount and the rest only act inside the sample's own namespaces.
/// </summary>
public static class SeccompProfile
{
    private static readonly string[] Refused =
    [
        "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
        "bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register",
        "keyctl", "add_key", "request_key", "kexec_load", "kexec_file_load",
        "init_module", "finit_module", "delete_module", "swapon", "swapoff", "reboot", "acct", "quotactl",
        "open_by_handle_at", "name_to_handle_at", "lookup_dcookie", "syslog", "iopl", "ioperm",
        "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "fanotify_init", "nfsservctl", "uselib",
        "vhangup", "setns", "pivot_root",
    ];

    public static string Json { get; } = System.Text.Json.JsonSerializer.Serialize(new
    {
        defaultAction = "SCMP_ACT_ALLOW",
        syscalls = new[] { new { names = Refused, action = "SCMP_ACT_ERRNO", errnoRet = 1 } },
    });
}
