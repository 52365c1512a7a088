"""What each sample's namespaces cost: clone into them + exit + wait, with and without a network namespace.

    /usr/bin/python3 bench/namespace_cost.py

Prints, for each set of namespaces, the mean wall time of 400 clones and the machine's busy CPU per clone, counted
until half a second after the last one, so that the kernel's deferred teardown (a network namespace's runs in a
kernel worker) is included. Run it on a quiet machine (decision 019, stop 25).
"""
import ctypes
import os
import time

CLONES = 400
SYS_CLONE = 56  # x86_64
SIGCHLD = 17
FLAGS = {"user": 0x10000000, "pid": 0x20000000, "mount": 0x00020000, "ipc": 0x08000000, "uts": 0x04000000,
         "net": 0x40000000}
SAMPLE = ("user", "pid", "mount", "ipc", "uts")  # harness/isolation.py's SAMPLE_NAMESPACES
SETS = [(), ("user", "pid"), SAMPLE, SAMPLE + ("net",)]

libc = ctypes.CDLL(None, use_errno=True)


def busy_seconds():
    """user, nice, system, irq and softirq time of the whole machine."""
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    return sum(fields[index] for index in (0, 1, 2, 5, 6)) / os.sysconf("SC_CLK_TCK")


def measure(names):
    flags = SIGCHLD
    for name in names:
        flags |= FLAGS[name]
    busy, started = busy_seconds(), time.perf_counter()
    for _ in range(CLONES):
        pid = libc.syscall(SYS_CLONE, flags, 0, 0, 0, 0)
        if pid == 0:
            os._exit(0)
        if pid < 0:
            raise OSError(ctypes.get_errno(), f"clone({'+'.join(names)})")
        os.waitpid(pid, 0)
    wall = time.perf_counter() - started
    time.sleep(0.5)
    cpu = busy_seconds() - busy
    print(f"{'+'.join(names) or 'no namespace':32} clone + exit + wait {wall / CLONES * 1000:.2f} ms, "
          f"machine CPU {cpu / CLONES * 1000:.2f} ms a clone")


for namespaces in SETS:
    measure(namespaces)
