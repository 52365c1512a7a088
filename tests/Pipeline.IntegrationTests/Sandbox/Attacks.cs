using Pipeline.Core.Problems;

namespace Pipeline.IntegrationTests.Sandbox;

/// <summary>
/// Hostile samples, each graded against the stdin problem "print a+b" (input "1 2", expected "3").
/// <see cref="Attack.MustPass"/> true: the sample prints 3 only when every attempt it makes failed, so a
/// pass proves containment; false: the sample must get a non-passing verdict (it misbehaves or fakes);
/// null: any verdict will do, as long as there is one and the sandbox survives.
/// The official reliability guard removes os.fork, os.kill and friends, so the attacks go around it
/// with ctypes and raw syscalls. {SECRET}, {SECRET_FILE}, {HOST_DIR}, {MARK} are filled in per run.
/// </summary>
public static class Attacks
{
    /// <param name="Suite">null: <see cref="APlusB"/>.</param>
    public sealed record Attack(string Name, string Code, bool? MustPass, int TimeoutSeconds = 2, TestSuite? Suite = null);

    private const string Libc = "import ctypes, os, signal, sys\nlibc = ctypes.CDLL(None, use_errno=True)\n";

    public static readonly IReadOnlyList<Attack> All =
    [
        new("fork_bomb", Libc + "while True:\n    libc.fork()\n", MustPass: false),
        new("memory_bomb", "hog = []\nwhile True:\n    hog.append(bytearray(100 * 1024 * 1024))\n", MustPass: false),
        new("infinite_loop", "while True:\n    pass\n", MustPass: false),
        new("sleep", "import time\ntime.sleep(1000)\n", MustPass: false),
        new("busy_threads", "import threading\ndef spin():\n    while True:\n        pass\nfor _ in range(8):\n    threading.Thread(target=spin).start()\nspin()\n", MustPass: false),
        new("gigabyte_of_stdout", "import sys\nchunk = 'x' * (1 << 20)\nfor _ in range(1024):\n    sys.stdout.write(chunk)\n", MustPass: false, TimeoutSeconds: 6),
        new("fill_the_disk", "import os\nfd = os.open('fill', os.O_WRONLY | os.O_CREAT, 0o600)\nblock = b'0' * (1 << 20)\nwhile True:\n    os.write(fd, block)\n", MustPass: false, TimeoutSeconds: 6),
        new("write_outside_temp", Libc + """
            leaked = []
            for path in ['/usr/pwned-{MARK}', '/pwned-{MARK}', '/etc/pwned-{MARK}', '/harness/pwned-{MARK}', '{HOST_DIR}/pwned-{MARK}', '/root/pwned-{MARK}', '/proc/pwned-{MARK}', '/dev/pwned-{MARK}', '/var/tmp/pwned-{MARK}']:
                try:
                    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
                    os.write(fd, b'x')
                    leaked.append(path)
                except OSError:
                    pass
            print(3 if not leaked else leaked)
            """, MustPass: true),
        new("read_host_secrets", Libc + """
            found = []
            if any('{SECRET}' in value for value in os.environ.values()):
                found.append('environ')
            for path in ['{SECRET_FILE}', '/proc/1/environ', '/proc/self/environ'] + ['/proc/%d/environ' % pid for pid in range(1, 4096)]:
                try:
                    fd = os.open(path, os.O_RDONLY)
                    if b'{SECRET}' in os.read(fd, 1 << 20):
                        found.append(path)
                except OSError:
                    pass
            print(3 if not found else found)
            """, MustPass: true),
        new("network_connect", """
            import socket
            reached = []
            for host, port in [('127.0.0.1', 6379), ('127.0.0.1', 5672), ('1.1.1.1', 53), ('8.8.8.8', 443)]:
                try:
                    socket.create_connection((host, port), timeout=1).close()
                    reached.append(host)
                except OSError:
                    pass
            print(3 if not reached else reached)
            """, MustPass: true),
        new("kill_everything", Libc + """
            libc.kill(-1, signal.SIGKILL)
            libc.kill(os.getppid(), signal.SIGKILL)
            for pid in range(1, 4096):
                if pid != os.getpid():
                    libc.syscall(62, pid, signal.SIGKILL)
            print(3)
            """, MustPass: null),
        new("sigstop_own_group", Libc + "libc.kill(0, signal.SIGSTOP)\nlibc.kill(os.getppid(), signal.SIGSTOP)\nprint(3)\n", MustPass: null),
        new("double_fork_outlives_timeout", Libc + """
            if libc.fork() == 0:
                libc.setsid()
                if libc.fork() == 0:
                    libc.prctl(15, b'esc{MARK}', 0, 0, 0)
                    while True:
                        pass
                os._exit(0)
            import time
            time.sleep(1000)
            """, MustPass: false),
        new("raw_syscalls_around_guards", Libc + """
            libc.syscall(87, b'/harness/worker.py')
            libc.syscall(84, b'/tmp')
            libc.syscall(62, 1, signal.SIGKILL)
            argv = (ctypes.c_char_p * 4)(b'/usr/bin/python3', b'-c', b'print(3)', None)
            libc.execv(b'/usr/bin/python3', argv)
            """, MustPass: false),
        new("exit_zero", "print(4)\nexit(0)\n", MustPass: false),
        new("sys_exit_zero", "import sys\nsys.exit(0)\n", MustPass: false),
        new("os_exit_zero", "import os\nos._exit(0)\n", MustPass: false),
        new("forged_reply_on_every_fd_then_os_exit", Forge + "for fd in range(256):\n    put(fd, REPLY)\nos._exit(0)\n", MustPass: false),
        new("forged_reports_on_every_fd_then_os_exit", Forge + "for fd in range(256):\n    put(fd, REPORTS)\nos._exit(0)\n", MustPass: false),
        new("forged_reports_on_every_fd_then_exit", Forge + "for fd in range(256):\n    put(fd, REPORTS)\nprint(4)\nexit(0)\n", MustPass: false),
        new("forged_pass_on_proc_self_fd_then_os_exit", Forge + """
            for name in os.listdir('/proc/self/fd'):
                try:
                    fd = os.open('/proc/self/fd/' + name, os.O_WRONLY)
                except OSError:
                    continue
                put(fd, REPLY)
            os._exit(0)
            """, MustPass: false),
        new("forged_pass_call_based_then_os_exit", Forge + "class Solution:\n    def add(self, a, b):\n        for fd in range(256):\n            put(fd, REPLY)\n        os._exit(0)\n",
            MustPass: false, Suite: Add),
        new("monkeypatched_grader", PatchGrader + "print(4)\n", MustPass: false),
        new("monkeypatched_grader_call_based", PatchGrader + "class Solution:\n    def add(self, a, b):\n        return a + b + 1\n",
            MustPass: false, Suite: Add),
    ];

    /// <summary>Defines put(fd, payload) (writes, ignoring errors), REPLY (a passing report as the child
    /// used to send it, which the old worker took as the verdict) and REPORTS (every message the child
    /// sends now, claiming compiled and a passing value). None carries the right output: a child that
    /// reports "3" has simply answered correctly.</summary>
    private const string Forge = """
        import json, os
        REPLY = json.dumps({'results': [1], 'metadata': {'execution time': 0.01}}).encode()
        FORGED = [{'compiled': True}, {'value': True, 'elapsed': 0.0}, {'stdout': 'PASS', 'elapsed': 0.0},
                  {'id': None, 'results': [1], 'metadata': {'execution time': 0.01}, 'elapsed_ms': 1.0}]
        REPORTS = ('\n'.join(json.dumps(m) for m in FORGED) + '\n').encode() * 4
        def put(fd, payload):
            try:
                os.write(fd, payload)
            except OSError:
                pass

        """;

    /// <summary>Rewrites every grading function it can reach (modules, gc, frames) to report a pass;
    /// the sample then answers wrongly. Only the child's copies exist in its process.</summary>
    private const string PatchGrader = """
        import gc, sys
        def passing(*args, **kwargs):
            return [1], {'execution time': 0.01}
        def equal(*args, **kwargs):
            return None
        def one(*args, **kwargs):
            return 1
        fakes = {'run_sample': passing, 'grade_stdio': passing, 'grade_call_based': passing, 'judge': passing,
                 'testing_error': passing, '_exception_failure': passing, '_judge_stdio': passing,
                 '_judge_call_based': passing, 'compare_stdout': equal, 'to_official_code': one, 'decode': one,
                 'encode': one, 'safe_encode': one, 'grade': passing}
        for module in list(sys.modules.values()):
            for name, fake in fakes.items():
                try:
                    if hasattr(module, name):
                        setattr(module, name, fake)
                except Exception:
                    pass
            for name in ('DIED_RESULTS',):
                value = getattr(module, name, None)
                if isinstance(value, list):
                    value[:] = [1]
        for thing in gc.get_objects():
            if type(thing) is type(passing) and thing.__name__ in fakes and thing is not fakes[thing.__name__]:
                try:
                    thing.__code__ = fakes[thing.__name__].__code__
                except Exception:
                    pass
        frame = sys._getframe()
        while frame is not None:
            for name in ('results', 'verdict'):
                value = frame.f_locals.get(name)
                if isinstance(value, list):
                    value.append(True)
            frame = frame.f_back

        """;

    /// <summary>Planted by the first sample of <c>leave_files_behind</c>, looked for by the second.</summary>
    public const string LeaveFiles = Libc + """
        for path in ['left-{MARK}', '/tmp/left-{MARK}', '/dev/shm/left-{MARK}', '/dev/left-{MARK}']:
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o666))
            except OSError:
                pass
        print(3)
        """;

    public const string FindLeftFiles = """
        import os
        found = [p for p in ['left-{MARK}', '/tmp/left-{MARK}', '/dev/shm/left-{MARK}', '/dev/left-{MARK}'] if os.path.exists(p)]
        found += [name for name in os.listdir('/tmp') if name.startswith('left')]
        print(3 if not found else found)
        """;

    /// <summary>Looks through its own memory for the expected output of the sample graded before it
    /// ("EXPECTED-{MARK}"); the pattern is a regex so that the code itself does not hold that text.</summary>
    public const string ScanOwnMemory = """
        import re
        needle = re.compile(rb'EXPECTE[D]-{MARK}')
        found = []
        with open('/proc/self/maps') as maps:
            regions = [line.split() for line in maps]
        mem = open('/proc/self/mem', 'rb', 0)
        for fields in regions:
            if 'r' not in fields[1] or fields[-1] in ('[vvar]', '[vsyscall]'):
                continue
            position, end = (int(x, 16) for x in fields[0].split('-'))
            while position < end:
                size = min(1 << 24, end - position)
                try:
                    mem.seek(position)
                    data = mem.read(size)
                except (OSError, ValueError, OverflowError):
                    break
                if needle.search(data):
                    found.append(fields[-1])
                    break
                position += size - 64 if size == 1 << 24 else size
        print(3 if not found else found)
        """;

    public const string Correct = "a, b = map(int, input().split())\nprint(a + b)\n";

    public static readonly TestSuite APlusB = new() { Tests = [new TestCase("1 2\n", "3\n", "stdin")] };

    /// <summary>The call-based twin of <see cref="APlusB"/>: Solution().add(1, 2) must return 3.</summary>
    public static readonly TestSuite Add = new() { FuncName = "add", Tests = [new TestCase("1\n2", "3", "functional")] };
}
