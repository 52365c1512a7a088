"""Per-sample isolation for the warm worker: each sample's process is cloned straight into its own
user, PID, mount, IPC and UTS namespaces; it gets fresh, size-capped tmpfs mounts over every place it
could write and a /proc of its own PID namespace; then it loses every capability, gets no_new_privs and
the seccomp filter of syscall_filter.py, and only then runs sample code.

Why: a sample must start from the state every other sample starts from, and nothing it does may
survive it. Its namespaces die with it: files (its tmpfs mounts), SysV and POSIX IPC (its IPC
namespace) and processes (as PID 1 of its own PID namespace, the kernel kills everything it started).
It has no sockets at all (the filter refuses socket and socketpair), so nothing of it lives on in the
worker's network namespace either, which needs no copy per sample: a network namespace costs more to
make and tear down than the other five together (decision 019). It cannot reach what lies under its
mounts (it cannot unmount: no capability, and the filter refuses the calls), nor other processes' files
through /proc (its /proc shows its own namespace only). The worker's own view has nothing writable to
begin with.

Only the standard library (ctypes) is used: Python 3.11 has no os.unshare, and os.fork cannot pass
namespace flags; cloning into the namespaces directly saves the extra fork that unshare would need.
"""
import ctypes
import os
import random
import resource
from _random import Random as _CRandom

import syscall_filter

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
SAMPLE_NAMESPACES = CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS
SIGCHLD = 17
SYS_CLONE = 56  # x86_64
SYS_CAPSET = 126
PR_SET_DUMPABLE = 4
PR_CAPBSET_DROP = 24
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_NOEXEC = 0x8
CAPABILITY_VERSION_3 = 0x20080522
# the sample writes here; always given a fresh tmpfs, whatever the worker's view has there
ALWAYS_PRIVATE = ("/tmp", "/dev/shm")
# file systems that are never storage: their own instances, or nodes of this process
NOT_STORAGE = {"proc", "sysfs", "devpts", "cgroup", "cgroup2", "securityfs", "debugfs", "tracefs", "bpf"}

_libc = ctypes.CDLL(None, use_errno=True)
# as it was before reliability_guard removed it: the fork server of program samples is guarded (worker.Children)
_chdir = os.chdir
# random's own fork hook, minus its Python frame: Random.seed(None) is this and gauss_next = None, which
# no child has set yet
_reseed = _CRandom.seed


class IsolationError(RuntimeError):
    """The sandbox could not be set up: a fault of ours, never a verdict on the sample."""


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


class SampleIsolation:
    """The sandbox's hooks for worker.main (the interface of worker.Hooks). Everything that can be
    worked out once per worker is worked out here, at start, so that a sample's set-up is a few syscalls."""

    WORKDIR = "/tmp/sample"  # inside the sample's own tmpfs: the worker makes no dir of its own

    def __init__(self, scratch_bytes, open_files):
        self._scratch_bytes = scratch_bytes
        self._open_files = open_files
        self._ids = (os.getuid(), os.getgid())
        self._private = sorted(set(ALWAYS_PRIVATE) | set(writable_mounts()))
        self._last_capability = _last_capability()
        self._filter = syscall_filter.Filter()
        # the worker's memory is unreadable to samples of the same uid (/proc/PID/mem and ptrace need
        # CAP_SYS_PTRACE against a non-dumpable process); the fork server inherits this
        _check(_libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "prctl(PR_SET_DUMPABLE)")

    @property
    def private_mounts(self):
        return list(self._private)

    def make_workdir(self, root):
        return self.WORKDIR

    def wipe_workdir(self, path):
        """Nothing to do: the sample's tmpfs went with its mount namespace."""

    def fork(self):
        """os.fork, but the child starts as PID 1 of its own namespaces, and without the interpreter's fork
        bookkeeping (PyOS_BeforeFork/AfterFork: locks made again, and the at-fork hooks of threading, random and
        logging). All of it is for locks that other threads may hold at the fork; the fork server has no other
        thread (checked at every fork), and in the child that bookkeeping cost about a tenth of its copy-on-write
        faults (decision 019). One part of it is visible to a sample, and the child does it itself: random's
        reseed, so that no two samples share a random sequence."""
        threads = len(os.listdir("/proc/self/task"))
        if threads != 1:
            raise OSError(f"the fork server has {threads} threads; it forks only when it has one")
        pid = _libc.syscall(SYS_CLONE, SAMPLE_NAMESPACES | SIGCHLD, 0, 0, 0, 0)
        if pid == 0:
            _reseed(random._inst)
            return 0
        if pid < 0:
            errno = ctypes.get_errno()
            raise OSError(errno, f"clone into new namespaces: {os.strerror(errno)}")
        return pid

    def isolate(self, workdir):
        """In the child of fork(), before any sample code: maps its uid, mounts its private places and
        its /proc, makes workdir (inside its own /tmp) its cwd, caps open files, then gives up every
        privilege and installs the syscall filter. Nothing after this can be undone by the sample."""
        uid, gid = self._ids
        # the worker is non-dumpable, which would leave this child's /proc/self/*_map owned by root
        _check(_libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), "prctl(PR_SET_DUMPABLE)")
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1")
        _write("/proc/self/gid_map", f"{gid} {gid} 1")
        _become_first_oom_victim()
        for target in self._private:
            if os.path.isdir(target):
                _mount(b"tmpfs", target, b"tmpfs", MS_NOSUID | MS_NODEV, f"size={self._scratch_bytes},mode=1777")
        _mount(b"proc", "/proc", b"proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None)
        os.mkdir(workdir, mode=0o700)  # in the fresh tmpfs on /tmp
        _chdir(workdir)
        if self._open_files:
            resource.setrlimit(resource.RLIMIT_NOFILE, (self._open_files, self._open_files))
        self._drop_capabilities()
        try:
            self._filter.install()
        except OSError as error:
            raise IsolationError(f"seccomp: {error}") from error

    def _drop_capabilities(self):
        """Every capability the new user namespace gave, from every set, the bounding set included."""
        for capability in range(self._last_capability + 1):
            _check(_libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0), f"prctl(PR_CAPBSET_DROP, {capability})")
        header, data = _CapHeader(CAPABILITY_VERSION_3, 0), (_CapData * 2)()
        _check(_libc.syscall(SYS_CAPSET, ctypes.byref(header), ctypes.byref(data)), "capset")


def writable_mounts(mountinfo="/proc/self/mountinfo"):
    """Mount points (directories) this process could write into: read-write mounts of storage file
    systems whose top directory it may write. Each sample gets a fresh tmpfs over every one."""
    found = []
    with open(mountinfo) as lines:
        for line in lines:
            fields = line.split()
            separator = fields.index("-")
            point, options, fs_type = _unescape(fields[4]), fields[5].split(","), fields[separator + 1]
            if ("rw" in options and fs_type not in NOT_STORAGE and os.path.isdir(point)
                    and os.access(point, os.W_OK)):
                found.append(point)
    return found


def _unescape(path):
    return path.encode().decode("unicode_escape")


def _last_capability():
    try:
        with open("/proc/sys/kernel/cap_last_cap") as handle:
            return int(handle.read())
    except OSError:
        return 40  # CAP_CHECKPOINT_RESTORE, the last one in Linux 6.x


def _become_first_oom_victim():
    """A sample that exhausts its worker's memory cgroup must be what the OOM killer takes, not the
    worker (seen: a fork bomb's cgroup OOM killed the worker, code 137). Raising one's own score is
    unprivileged and inherited by all the sample starts. Docker refuses the write inside its containers
    (EACCES); there the sample keeps the container's score, as before."""
    try:
        _write_raw("/proc/self/oom_score_adj", "1000")
    except PermissionError:
        pass


def _mount(source, target, fs_type, flags, options):
    data = options.encode() if options is not None else None
    if _libc.mount(source, target.encode(), fs_type, flags, data) != 0:
        _raise(f"mount {fs_type.decode()} on {target}")


def _write(path, text):
    try:
        _write_raw(path, text)
    except OSError as error:
        raise IsolationError(f"{path}: {error}") from error


def _write_raw(path, text):
    """Without a text file object, whose making costs a child more copy-on-write faults than the rest of
    its uid mapping (decision 019)."""
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def _check(result, what):
    if result != 0:
        _raise(what)


def _raise(what):
    errno = ctypes.get_errno()
    raise IsolationError(f"{what} failed: {os.strerror(errno)} (errno {errno})")
