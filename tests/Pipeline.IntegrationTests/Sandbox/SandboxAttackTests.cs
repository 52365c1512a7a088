using Pipeline.Grading.Sandbox;
using Pipeline.Core.Problems;

namespace Pipeline.IntegrationTests.Sandbox;

/// <summary>
/// The attack suite, on both backends: every hostile sample ends with a verdict (never a fault of
/// ours, never a hang), the host is untouched, and the same worker then passes a correct sample.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SandboxAttackTests(SandboxBackendsFixture fixture) : IClassFixture<SandboxBackendsFixture>
{
    public static readonly string[] Backends = ["process", "docker"];

    private readonly string _mark = Guid.NewGuid().ToString("N")[..8];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var backend in Backends)
        {
            foreach (var attack in AllAttacks)
            {
                cases.Add(backend, attack.Name);
            }
        }
        return cases;
    }

    public static TheoryData<string> BackendNames() => new(Backends);

    private static IEnumerable<Attacks.Attack> AllAttacks => Attacks.All.Concat(BoundaryAttacks.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Attack_ends_with_a_verdict_and_leaves_the_worker_able_to_grade(string backend, string name)
    {
        var attack = AllAttacks.Single(a => a.Name == name);
        var sandbox = fixture.Sandbox(backend);

        var outcome = await GradeAsync(sandbox, attack.Code, attack.TimeoutSeconds, attack.Suite);

        Assert.False(outcome.IsFault, $"{name} on {backend}: fault {outcome.Fault}");
        if (attack.MustPass is { } mustPass)
        {
            Assert.True(mustPass == outcome.Passed, $"{name} on {backend}: results [{string.Join(",", outcome.Results)}] {outcome.MetadataJson}");
        }
        AssertHostUntouched();
        var after = await GradeAsync(sandbox, Attacks.Correct, 6);
        Assert.True(after.Passed, $"after {name} on {backend}: {after.Fault} [{string.Join(",", after.Results)}] {after.MetadataJson}");
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public async Task Files_left_by_one_sample_are_gone_for_the_next(string backend)
    {
        var sandbox = fixture.Sandbox(backend);

        var planting = await GradeAsync(sandbox, Attacks.LeaveFiles, 2);
        var looking = await GradeAsync(sandbox, Attacks.FindLeftFiles, 2);

        Assert.True(planting.Passed, planting.MetadataJson);
        Assert.True(looking.Passed, $"{backend}: {looking.MetadataJson}");
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public async Task Expected_outputs_of_one_sample_are_not_in_the_memory_of_the_next(string backend)
    {
        var sandbox = fixture.Sandbox(backend);
        var secret = new TestSuite { Tests = [new TestCase("1 2\n", $"EXPECTED-{_mark}\n", "stdin")] };

        var first = await GradeAsync(sandbox, "print(1)\n", 2, secret);
        var scanning = await GradeAsync(sandbox, Attacks.ScanOwnMemory, 6);

        Assert.False(first.Passed, first.MetadataJson);
        Assert.True(scanning.Passed, $"{backend}: {scanning.MetadataJson}");
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public async Task Inputs_shared_by_the_samples_of_a_large_suite_cannot_be_changed_by_one_of_them(string backend)
    {
        // inputs of 1 MiB or more are mapped by every child from one sealed memfd (harness/suites.py): the attacker
        // makes its mapping writable, or writes through /proc/self/mem, to turn "1 2" into "9 2" for the next sample
        const string tamper = """
            import ctypes, io
            libc = ctypes.CDLL(None, use_errno=True)
            libc.mprotect.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
            for line in io.open('/proc/self/maps'):
                if 'suite-inputs' in line:
                    start, end = (int(x, 16) for x in line.split()[0].split('-'))
                    if libc.mprotect(start, end - start, 3) == 0:
                        ctypes.memmove(start, b'9', 1)
                    try:
                        with io.open('/proc/self/mem', 'r+b', buffering=0) as memory:
                            memory.seek(start)
                            memory.write(b'9')
                    except OSError:
                        pass
            a, b = map(int, input().split())
            print(a + b)
            """;
        var sandbox = fixture.Sandbox(backend);
        var large = new TestSuite { Tests = [new TestCase("1 2\n" + new string('#', 1 << 20) + "\n", "3\n", "stdin")] };

        var tampering = await GradeAsync(sandbox, tamper, 6, large);
        var next = await GradeAsync(sandbox, Attacks.Correct, 6, large);

        Assert.False(tampering.IsFault, tampering.Fault);
        Assert.True(next.Passed, $"{backend}: [{string.Join(",", next.Results)}] {next.MetadataJson}");
    }

    private Task<SandboxOutcome> GradeAsync(ISandbox sandbox, string code, int timeoutSeconds, TestSuite? suite = null) =>
        fixture.GradeAsync(sandbox, code, timeoutSeconds, suite, _mark);

    private void AssertHostUntouched()
    {
        Assert.Empty(Directory.GetFiles(fixture.HostDirectory, $"pwned-{_mark}"));
        Assert.Equal(fixture.Secret, File.ReadAllText(fixture.SecretFile));
        Assert.True(EscapeeGone(), $"a process named esc{_mark} outlived its sample");
    }

    /// <summary>The double-fork attack renames its grandchild; the kernel must have killed it with the sample.</summary>
    private bool EscapeeGone()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var alive = Directory.GetDirectories("/proc").Any(dir => ReadComm(dir) == $"esc{_mark}");
            if (!alive)
            {
                return true;
            }
            Thread.Sleep(100);
        }
        return false;
    }

    private static string? ReadComm(string procDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDirectory, "comm")).Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
