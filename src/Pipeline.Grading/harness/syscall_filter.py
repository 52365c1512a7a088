"""The seccomp filter every sample runs under (x86_64): a classic BPF program built here with ctypes.

Why by hand: Debian's python3-seccomp would have to be installed on every host and copied into the
docker image, for a filter that is a list of syscall numbers and one argument test. The program is
built once per worker (`build()`) and installed in each sample child (`install()`), after its own
set-up (mounts, maps) and after no_new_privs.

Refused with EPERM: mounting and unmounting in every form, pivot_root and chroot, making or joining
namespaces (unshare, setns, clone with a namespace flag), keyrings, io_uring, bpf, perf events,
userfaultfd, ptrace and reading or writing other processes' memory, and making sockets (socket,
socketpair): samples share their worker's network namespace (isolation.py), so a socket, even an
unconnected unix one, is a place that could outlive a sample or meet the next one. clone3 gets ENOSYS:
its flags sit in memory a filter cannot read, and on ENOSYS glibc falls back to clone, whose flags it can.
Any other architecture (x32 numbers, the 32-bit ABI) is killed: those tables differ.
"""
import ctypes

AUDIT_ARCH_X86_64 = 0xC000003E
X32_SYSCALL_BIT = 0x40000000
SYS_CLONE = 56
SYS_CLONE3 = 435

REFUSED = {
    "mount": 165, "umount2": 166, "pivot_root": 155, "chroot": 161,
    "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
    "mount_setattr": 442,
    "unshare": 272, "setns": 308,
    "keyctl": 250, "add_key": 248, "request_key": 249,
    "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
    "bpf": 321, "perf_event_open": 298, "userfaultfd": 323,
    "ptrace": 101, "process_vm_readv": 310, "process_vm_writev": 311, "kcmp": 312, "pidfd_getfd": 438,
    "socket": 41, "socketpair": 53,
}
# CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET (clone's low byte is the exit signal)
NAMESPACE_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000

SECCOMP_RET_KILL_PROCESS = 0x80000000
SECCOMP_RET_ERRNO = 0x00050000
SECCOMP_RET_ALLOW = 0x7FFF0000
EPERM = 1
ENOSYS = 38
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2

# classic BPF opcodes
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_JSET_K = 0x45
_RET_K = 0x06
# struct seccomp_data: int nr; u32 arch; u64 ip; u64 args[6] (little endian: low half first)
_NR, _ARCH, _ARG0_LOW = 0, 4, 16


class _Instruction(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(_Instruction))]


def _statements():
    refuse, no_such_call = SECCOMP_RET_ERRNO | EPERM, SECCOMP_RET_ERRNO | ENOSYS
    program = [
        (_LD_W_ABS, 0, 0, _ARCH),
        (_JEQ_K, 1, 0, AUDIT_ARCH_X86_64),
        (_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),
        (_LD_W_ABS, 0, 0, _NR),
        (_JGE_K, 0, 1, X32_SYSCALL_BIT),
        (_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),
        (_JEQ_K, 0, 1, SYS_CLONE3),
        (_RET_K, 0, 0, no_such_call),
    ]
    for number in sorted(REFUSED.values()):
        program += [(_JEQ_K, 0, 1, number), (_RET_K, 0, 0, refuse)]
    program += [
        (_JEQ_K, 1, 0, SYS_CLONE),
        (_RET_K, 0, 0, SECCOMP_RET_ALLOW),
        (_LD_W_ABS, 0, 0, _ARG0_LOW),
        (_JSET_K, 0, 1, NAMESPACE_FLAGS),
        (_RET_K, 0, 0, refuse),
        (_RET_K, 0, 0, SECCOMP_RET_ALLOW),
    ]
    return program


class Filter:
    """The built program; keep the object alive as long as it may be installed."""

    def __init__(self):
        statements = _statements()
        self._instructions = (_Instruction * len(statements))(*[_Instruction(*s) for s in statements])
        self._program = _Program(len(statements), self._instructions)
        self._libc = ctypes.CDLL(None, use_errno=True)

    def install(self):
        """no_new_privs (which an unprivileged filter needs anyway), then the filter; raises OSError."""
        if self._libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS)")
        if self._libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(self._program), 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP)")
