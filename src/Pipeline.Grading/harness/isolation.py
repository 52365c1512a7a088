"""Per-sample isolation for the warm worker: each sample's process is cloned straight into its own
user, PID and mount namespaces, gets a fresh size-capped tmpfs as its only writable place, and its
resource limits.

Why namespaces and not just a process group: a sample may setsid() or double-fork to escape a group
kill, and may signal or ptrace the worker. As PID 1 of its own PID namespace the sample cannot see or
name the worker, and when it dies (or is killed) the kernel kills every process left in the namespace.
The tmpfs dies with the mount namespace, so nothing is left for the next sample.

Only the standard library (ctypes) is used: Python 3.11 has no os.unshare, and os.fork cannot pass
namespace flags; cloning into the namespaces directly saves the extra fork that unshare would need.
"""
import ctypes
import os
import resource

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
SIGCHLD = 17
SYS_CLONE = 56  # x86_64
PR_SET_DUMPABLE = 4
MS_NOSUID = 0x2
MS_NODEV = 0x4

_libc = ctypes.CDLL(None, use_errno=True)
_python = ctypes.pythonapi
_parent_ids = (os.getuid(), os.getgid())


class IsolationError(RuntimeError):
    """The sandbox could not be set up: a fault of ours, never a verdict on the sample."""


def harden_worker():
    """Called once by the worker at start: makes its memory unreadable to samples of the same uid
    (/proc/PID/mem and ptrace need CAP_SYS_PTRACE against a non-dumpable process)."""
    _check(_libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "prctl(PR_SET_DUMPABLE)")


def fork_into_namespaces():
    """os.fork, but the child starts as PID 1 of new user, PID and mount namespaces. The worker is
    single-threaded, so the interpreter's own fork bookkeeping (before/after hooks) is all it needs."""
    global _parent_ids
    _parent_ids = (os.getuid(), os.getgid())
    _python.PyOS_BeforeFork()
    pid = _libc.syscall(SYS_CLONE, CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | SIGCHLD, 0, 0, 0, 0)
    if pid == 0:
        _python.PyOS_AfterFork_Child()
        return 0
    _python.PyOS_AfterFork_Parent()
    if pid < 0:
        _raise("clone into new namespaces")
    return pid


def isolate_sample(scratch_root, scratch_bytes, open_files):
    """Call in the child of fork_into_namespaces, whose cwd is its private dir under scratch_root:
    maps its uid, mounts a fresh tmpfs of scratch_bytes on scratch_root (and on /dev/shm), recreates
    the private dir in it as cwd, and caps open files."""
    workdir = os.getcwd()
    uid, gid = _parent_ids
    # the worker is non-dumpable, which would leave this child's /proc/self/*_map owned by root
    _check(_libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), "prctl(PR_SET_DUMPABLE)")
    _write("/proc/self/setgroups", "deny")
    _write("/proc/self/uid_map", f"{uid} {uid} 1")
    _write("/proc/self/gid_map", f"{gid} {gid} 1")
    _become_first_oom_victim()
    _mount_tmpfs(scratch_root, scratch_bytes)
    if os.path.isdir("/dev/shm"):
        _mount_tmpfs("/dev/shm", scratch_bytes)
    os.makedirs(workdir, mode=0o700, exist_ok=True)
    os.chdir(workdir)
    if open_files:
        resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))


def _become_first_oom_victim():
    """A sample that exhausts its worker's memory cgroup must be what the OOM killer takes, not the
    worker (seen: a fork bomb's cgroup OOM killed the worker, code 137). Raising one's own score is
    unprivileged and inherited by all the sample starts. Docker refuses the write inside its containers
    (EACCES); there the sample keeps the container's score, as before."""
    try:
        with open("/proc/self/oom_score_adj", "w") as handle:
            handle.write("1000")
    except PermissionError:
        pass


def _mount_tmpfs(target, size):
    options = f"size={size},mode=1777".encode()
    if _libc.mount(b"tmpfs", target.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, options) != 0:
        _raise("mount tmpfs on " + target)


def _write(path, text):
    try:
        with open(path, "w") as handle:
            handle.write(text)
    except OSError as error:
        raise IsolationError(f"{path}: {error}") from error


def _check(result, what):
    if result != 0:
        _raise(what)


def _raise(what):
    errno = ctypes.get_errno()
    raise IsolationError(f"{what} failed: {os.strerror(errno)} (errno {errno})")
