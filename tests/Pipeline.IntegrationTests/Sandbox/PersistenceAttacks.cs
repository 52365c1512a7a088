using Pipeline.Core.Problems;

namespace Pipeline.IntegrationTests.Sandbox;

/// <summary>
/// Samples that try to leave something for a later sample on the same worker: data in every place a
/// sample can write or map (files on every read-write mount, also after unmounting its own tmpfs, the
/// worker's files through /proc, SysV shared memory, message queues and semaphores, POSIX message
/// queues), a planted module, memory. {MARK} is filled in per run.
/// </summary>
public static class PersistenceAttacks
{
    /// <summary>
    /// Defines store(data) and recall() (None when nothing is found), over every storage place at once.
    /// Both first try to unmount the sample's own /tmp and /dev/shm, to reach what lies beneath.
    /// </summary>
    private const string Storage = """
        import ctypes, os, sys
        libc = ctypes.CDLL(None, use_errno=True)
        libc.shmat.restype = ctypes.c_void_p
        KEY = 0x5A000000 | (int('{MARK}', 16) & 0xFFFFFF)
        NAME = '.left-{MARK}'
        QUEUE = b'/left-{MARK}'
        for target in (b'/tmp', b'/dev/shm', b'/tmp', b'/dev/shm'):
            libc.umount2(target, 2)
        def places():
            tops = ['.', '/tmp', '/dev/shm', '/dev/mqueue', '/var/tmp', '/run', '/harness']
            for line in open('/proc/self/mountinfo'):
                fields = line.split()
                if 'rw' in fields[5].split(',') and fields[fields.index('-') + 1] not in ('proc', 'sysfs', 'devpts'):
                    tops.append(fields[4])
            for pid in os.listdir('/proc'):
                if pid.isdigit():
                    tops += ['/proc/%s/root/tmp' % pid, '/proc/%s/root/dev/shm' % pid, '/proc/%s/cwd' % pid]
            found = []
            for top in tops:
                for directory, subdirectories, _ in os.walk(top):
                    found.append(directory)
                    subdirectories[:] = [d for d in subdirectories if not (directory == '/' and d in ('proc', 'sys', 'usr'))]
                    if len(found) > 5000:
                        return found
            return found
        def store(data):
            for directory in places():
                try:
                    fd = os.open(os.path.join(directory, NAME), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
                    os.write(fd, data)
                    os.close(fd)
                except OSError:
                    pass
            segment = libc.shmget(KEY, 4096, 0o1666)
            if segment >= 0:
                address = libc.shmat(segment, None, 0)
                if address not in (None, ctypes.c_void_p(-1).value):
                    ctypes.memmove(address, len(data).to_bytes(4, 'little') + data, len(data) + 4)
                    libc.shmdt(ctypes.c_void_p(address))
        def recall():
            for directory in places():
                try:
                    with open(os.path.join(directory, NAME), 'rb') as handle:
                        return handle.read()
                except OSError:
                    pass
            segment = libc.shmget(KEY, 0, 0)
            if segment >= 0:
                address = libc.shmat(segment, None, 0)
                if address not in (None, ctypes.c_void_p(-1).value):
                    size = int.from_bytes(ctypes.string_at(address, 4), 'little')
                    return ctypes.string_at(address + 4, min(size, 4000))
            return None

        """;

    /// <summary>Stores a mark everywhere, creates SysV message queues and semaphores and a POSIX
    /// message queue, and plants a module in every directory a later import could search.</summary>
    public const string PlantEverywhere = Storage + """
        store(b'planted')
        libc.msgget(KEY, 0o1666)
        libc.semget(KEY, 1, 0o1666)
        libc.mq_open(QUEUE, os.O_CREAT | os.O_RDWR, 0o666, None)
        for directory in sys.path + ['.', '/tmp', '/dev/shm'] + places():
            try:
                fd = os.open(os.path.join(directory or '.', 'planted_{MARK}.py'), os.O_WRONLY | os.O_CREAT, 0o666)
                os.write(fd, b'print(3)\n')
                os.close(fd)
            except OSError:
                pass
        print(3)
        """;

    /// <summary>Prints 3 only when nothing the planting sample left is found.</summary>
    public const string FindAnything = Storage + """
        found = []
        if recall() is not None:
            found.append('data')
        if libc.msgget(KEY, 0) >= 0:
            found.append('sysv message queue')
        if libc.semget(KEY, 0, 0) >= 0:
            found.append('sysv semaphore')
        if libc.mq_open(QUEUE, os.O_RDONLY, 0, None) >= 0:
            found.append('posix message queue')
        try:
            import planted_{MARK}
            found.append('module')
        except ImportError:
            pass
        print(3 if not found else found)
        """;

    /// <summary>
    /// Never computes the answer: it guesses "Yes" and keeps what it learned in every storage place. A
    /// sample that reaches test n knows its answers to tests before n were right; one that stopped at a
    /// guess learns, in the next sample, that the other answer is right. With storage that outlives a
    /// sample it passes <see cref="YesNo"/> within a few samples; without, never.
    /// </summary>
    public const string Learner = Storage + """
        import builtins
        seen = getattr(builtins, '_learner_seen', 0)
        builtins._learner_seen = seen + 1
        if seen == 0:
            confirmed, _, pending = (recall() or b'').partition(b'|')
            if pending:
                confirmed += b'N' if pending == b'Y' else b'Y'
            builtins._learner_known = confirmed
        known = builtins._learner_known
        answer = known[seen:seen + 1] or b'Y'
        store(known[:seen].ljust(seen, b'Y') + b'|' + answer)
        print('Yes' if answer == b'Y' else 'No')
        """;

    public static readonly TestSuite YesNo = new()
    {
        Tests = [.. "YNNYYNYYNY".Select((answer, i) => new TestCase($"{i}\n", answer == 'Y' ? "Yes\n" : "No\n", "stdin"))],
    };

    /// <summary>Leaves about 800 MB behind if it can: SysV shared memory (not bound by RLIMIT_AS once
    /// detached) and files in its tmpfs mounts. Run with <see cref="MemoryHeadroom"/> under a 384 MiB sample limit.</summary>
    public const string LeaveMemory = Storage + """
        for index in range(3):
            segment = libc.shmget(KEY + 1 + index, 200 << 20, 0o1600)
            address = libc.shmat(segment, None, 0) if segment >= 0 else None
            if address not in (None, ctypes.c_void_p(-1).value):
                ctypes.memset(address, 1, 200 << 20)
                libc.shmdt(ctypes.c_void_p(address))
        block = b'1' * (1 << 20)
        for path in ('/tmp/fill-{MARK}', '/dev/shm/fill-{MARK}'):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
                for _ in range(100):
                    os.write(fd, block)
            except OSError:
                pass
        print(3)
        """;

    /// <summary>Passes only when 200 MB can still be allocated and touched: the worker's memory limit
    /// (the sample's 384 MiB + 512 MiB) leaves that room only if the ~800 MB a sample can leave behind is gone.
    /// Not more: the sample's 384 MiB address-space limit also holds the warm worker's own mappings (numpy in the
    /// children of samples that import it, and pandas once a code-execution check had it loaded, take ~90 MB of it).</summary>
    public const string MemoryHeadroom = "hog = b'x' * (200 << 20)\nprint(3)\n";
}
