using Pipeline.Core.Problems;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Sandbox.Process;

namespace Pipeline.IntegrationTests.Grading;

/// <summary>
/// The stdin mocks make their copies of the input only when a program uses them (harness/stdin_mocks.py). What a
/// program sees must still be what the official mocks give, whichever it reads first and however it mixes them:
/// the expected lines were printed by the official <c>call_method</c> (testing_util at 28fef95) running the same
/// program on the same inputs. Real bubblewrap.
/// </summary>
public sealed class StdinMockTests : IAsyncLifetime
{
    // readline() before and after the StringIO is made (by readline(3)), its position, seek, read(n) (the
    // official read ignores n), the buffer, the official class names, and `inputs` reassigned by the program
    private const string Probe = """
        import sys
        a = sys.stdin.readline(); b = sys.stdin.readline(3); t = sys.stdin.tell(); sys.stdin.seek(0)
        print(repr((a, b, t, sys.stdin.readline(), sys.stdin.read(2), sys.stdin.readline(), sys.stdin.readlines(), sys.stdin.buffer.readline())))
        print(type(sys.stdin).__name__, type(sys.stdin.buffer).__name__, sys.stdin.inputs == sys.stdin.read())
        sys.stdin.inputs = "zz\n"
        print(repr((sys.stdin.read(), sys.stdin.readline(), sys.stdin.readline())))
        """;

    private readonly BubblewrapSandbox _sandbox = new(new SandboxOptions { Workers = 1 });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task A_program_sees_the_official_stdin_whatever_it_reads_first()
    {
        var suite = new TestSuite
        {
            Tests =
            [
                new TestCase("1 2\n3 4\n", """
                    ('1 2\n', '3 4', 7, '1 2\n', '1 2\n3 4\n', '3 4\n', ['1 2', '3 4', ''], b'1 2\n')
                    MockStdinWithBuffer MockBuffer True
                    ('zz\n', '', '')
                    """, "stdin"),
                new TestCase("héllo\nwörld\n\nx", """
                    ('héllo\n', 'wör', 9, 'héllo\n', 'héllo\nwörld\n\nx', 'wörld\n', ['héllo', 'wörld', '', 'x'], b'h\xc3\xa9llo\n')
                    MockStdinWithBuffer MockBuffer True
                    ('zz\n', '\n', 'x')
                    """, "stdin"),
            ],
        };
        var outcome = await new SampleGrader(_sandbox).GradeAsync(Probe, suite, 6);
        Assert.True(outcome.Results.SequenceEqual([1, 1]), outcome.MetadataJson);
    }

    [Fact]
    public async Task Input_reads_each_test_from_its_start_after_a_test_that_moved_the_stream()
    {
        const string code = "import sys\nfirst = input()\nsys.stdin.seek(0)\nprint(first, input(), sys.stdin.tell())";
        var suite = new TestSuite
        {
            Tests = [new TestCase("a\nb\n", "a a 2\n", "stdin"), new TestCase("cc\n", "cc cc 3\n", "stdin")],
        };
        var outcome = await new SampleGrader(_sandbox).GradeAsync(code, suite, 6);
        Assert.True(outcome.Results.SequenceEqual([1, 1]), outcome.MetadataJson);
    }
}
