using Pipeline.Core.Problems;
using static Pipeline.IntegrationTests.Sandbox.Attacks;

namespace Pipeline.IntegrationTests.Sandbox;

/// <summary>
/// More hostile samples for the attack theory: probes of the kernel surface that privilege escalations
/// start from, and values that used to abort a whole run (a worker fault on every attempt).
/// </summary>
public static class BoundaryAttacks
{
    private static readonly TestSuite TwoSums = new()
    {
        Tests = [new TestCase("1 2\n", "3\n", "stdin"), new TestCase("5 5\n", "10\n", "stdin")],
    };

    public static readonly IReadOnlyList<Attack> All =
    [
        new("kernel_surface", KernelSurface, MustPass: true, TimeoutSeconds: 6),
        new("empty_numpy_array", "import numpy\nclass Solution:\n    def add(self, a, b):\n        return numpy.array([])\n", MustPass: false, Suite: Add),
        // the official runner passes it (and reports an execution time of -inf): a sample's clock is not ours
        new("time_time_replaced", """
            import time
            ticks = [0]
            def fake():
                ticks[0] = -1.7e308 if ticks[0] == 0 else 0
                return ticks[0]
            time.time = fake
            a, b = map(int, input().split())
            print(a + b)
            """, MustPass: true, Suite: TwoSums),
        new("one_30_megabyte_line", "print('1 ' * (15 << 20))\n", MustPass: false, TimeoutSeconds: 6),
        new("lone_surrogate_output", "print('\\ud800')\n", MustPass: false),
    ];

    /// <summary>Prints 3 only when every call is refused, no capability is left in any set, no_new_privs
    /// and a seccomp filter are on, and nf_tables refuses to create a table over netlink.</summary>
    private const string KernelSurface = """
        import ctypes, os, socket, struct
        libc = ctypes.CDLL(None, use_errno=True)
        allowed = []
        pair = (ctypes.c_int * 2)()
        calls = [('socket_unix', 41, (1, 1, 0)), ('socket_inet', 41, (2, 1, 0)), ('socketpair_unix', 53, (1, 1, 0, pair)),
                 ('io_uring_setup', 425, (8, 0)), ('keyctl', 250, (0, 0)), ('add_key', 248, (b'user', b'k', b'v', 1, -4)),
                 ('request_key', 249, (b'user', b'k', None, -4)), ('unshare_user_net', 272, (0x50000000,)),
                 ('unshare_mount', 272, (0x00020000,)), ('mount_tmpfs', 165, (b'tmpfs', b'/tmp', b'tmpfs', 0, None)),
                 ('umount_tmp', 166, (b'/tmp', 2)), ('umount_proc', 166, (b'/proc', 2)), ('bpf', 321, (0, 0, 0)),
                 ('perf_event_open', 298, (0, 0, -1, -1, 0)), ('userfaultfd', 323, (0,)), ('ptrace_traceme', 101, (0, 0, 0, 0)),
                 ('setns', 308, (0, 0)), ('pivot_root', 155, (b'/tmp', b'/tmp')), ('clone3', 435, (0, 0)),
                 ('clone_newuser', 56, (0x10000000 | 17, 0, 0, 0, 0))]
        for name, number, args in calls:
            result = libc.syscall(number, *args)
            if result == 0 and name.startswith('clone'):
                os._exit(0)
            if result >= 0:
                allowed.append(name)
        status = dict(line.split(':', 1) for line in open('/proc/self/status'))
        for field in ('CapEff', 'CapPrm', 'CapInh', 'CapBnd', 'CapAmb'):
            if int(status[field], 16) != 0:
                allowed.append(field)
        if status['NoNewPrivs'].strip() != '1' or status['Seccomp'].strip() != '2':
            allowed.append('no filter')
        def message(kind, flags, seq, body):
            return struct.pack('=IHHII', 16 + len(body), kind, flags, seq, 0) + body
        batch = struct.pack('=BBH', 0, 0, socket.htons(10))
        table = struct.pack('=BBH', 1, 0, 0) + struct.pack('=HH', 8, 1) + b'pwn\0'
        try:
            netlink = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 12)
            netlink.settimeout(2)
            netlink.sendto(message(0x10, 1, 1, batch) + message(10 << 8, 1 | 4 | 0x400, 2, table) + message(0x11, 1, 3, batch), (0, 0))
            reply = netlink.recv(65536)
            while reply:
                length, kind = struct.unpack('=IH', reply[:6])
                if kind == 2 and struct.unpack('=i', reply[16:20])[0] == 0:
                    allowed.append('nf_tables')
                reply = reply[max(length, 16):]
        except OSError:
            pass
        print(3 if not allowed else allowed)
        """;
}
