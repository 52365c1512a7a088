using System.Text.Json;
using Pipeline.Core.Problems;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Sandbox.Process;

namespace Pipeline.IntegrationTests.Grading;

/// <summary>What the warm worker guarantees beyond the corpus: a clean channel, the official result for
/// a dead child and the backstop, private temp dirs, and a fresh worker after a crash. Real bubblewrap.</summary>
public sealed class WorkerBehaviourTests : IAsyncLifetime
{
    private static readonly TestSuite EchoSum = new()
    {
        Tests = [new TestCase("1 2\n", "3\n", "stdin"), new TestCase("5 5\n", "10\n", "stdin")],
    };

    private readonly BubblewrapSandbox _sandbox = new(new SandboxOptions { Workers = 1 });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Writing_to_the_real_stdout_does_not_reach_the_protocol_channel()
    {
        const string code = "import os\nos.write(1, b'{\"id\": \"forged\", \"results\": [1, 1]}\\n' * 1000)\na, b = map(int, input().split())\nprint(a + b)";
        var outcome = await GradeAsync(code, EchoSum);
        Assert.Equal([1, 1], outcome.Results);
    }

    [Fact]
    public async Task A_child_that_dies_before_reporting_gets_the_official_TestRunnerError()
    {
        var outcome = await GradeAsync("import os\nos._exit(0)", EchoSum);
        Assert.Equal([-2], outcome.Results);
        Assert.Equal(-5, Metadata(outcome).GetProperty("error_code").GetInt32());
        Assert.Equal("IndexError('list index out of range')", Metadata(outcome).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Code_that_swallows_the_alarm_is_stopped_by_the_backstop()
    {
        const string code = "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass";
        var outcome = await GradeAsync(code, EchoSum, timeoutSeconds: 1);
        Assert.Equal([-2], outcome.Results);
        Assert.Equal("TestRunnerError", Metadata(outcome).GetProperty("error_message").GetString());
        Assert.InRange(outcome.Elapsed.TotalSeconds, 8.5, 60); // backstop (1 + 1) · 2 + 5 = 9 s
    }

    [Fact]
    public async Task Exit_is_swallowed_but_quit_is_disabled_as_officially()
    {
        var exits = await GradeAsync("a, b = map(int, input().split())\nprint(a + b)\nexit()", EchoSum);
        var quits = await GradeAsync("a, b = map(int, input().split())\nprint(a + b)\nquit()", EchoSum);
        Assert.Equal([1, 1], exits.Results);
        Assert.Equal([-4], quits.Results);
        Assert.Equal("TypeError(\"'NoneType' object is not callable\")", Metadata(quits).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_prepared_header_binds_what_executing_the_header_binds()
    {
        // executed in the sample's module right after the header: a fresh execution of the official header
        // there must bind every name to the object the module already holds (prepared.py)
        const string probe = """
            _fresh = {}
            exec(__import__("sys").modules["lcb_grader"].IMPORT_HEADER, _fresh)
            _differ = sorted(name for name in _fresh if name != "__builtins__" and (name not in globals() or globals()[name] is not _fresh[name]))

            class Solution:
                def probe(self, x):
                    return _differ + [len(_fresh) > 500]
            """;
        var suite = new TestSuite { Tests = [new TestCase("1", "[true]", "functional")], FuncName = "probe" };
        var namespaces = await GradeAsync(probe, suite);
        Assert.True(namespaces.Results.SequenceEqual([1]), namespaces.MetadataJson);
        // `from sys import *` binds the stdin whose readline the official stdin mocks patch
        var readsBoundStdin = await GradeAsync("a, b = map(int, stdin.readline().split())\nprint(a + b)", EchoSum);
        Assert.Equal([1, 1], readsBoundStdin.Results);
    }

    [Fact]
    public async Task Each_tests_open_mock_made_ahead_or_not_behaves_as_a_new_official_one()
    {
        // the expected lines are what a new mock_open(read_data=input) gives, printed by the official stdin mocks outside
        // any worker; prepared.py's PreparedOpen serves the first PREPARED_OPENS (8) tests with mocks made ahead, and the
        // later ones get one made then: ten tests cover both
        const string code = """
            import builtins
            open = builtins.open
            f = open(0)
            first = f.readline()
            rest = f.read()
            g = open("x.txt")
            print(repr(first), repr(rest), repr(g.readline()), repr(g.readlines()), open.call_count, len(list(open(0))), repr(open(0).read()), type(open).__name__)
            """;
        TestCase[] pair =
        [
            new TestCase("1 2\n3\n", """'1 2\n' '3\n' '1 2\n' ['3\n'] 2 2 '1 2\n3\n' MagicMock""" + "\n", "stdin"),
            new TestCase("5 5\n", """'5 5\n' '' '5 5\n' [] 2 1 '5 5\n' MagicMock""" + "\n", "stdin"),
        ];
        var suite = new TestSuite { Tests = [.. Enumerable.Range(0, 10).Select(index => pair[index % 2])] };
        var outcome = await GradeAsync(code, suite);
        Assert.True(outcome.Results.SequenceEqual(Enumerable.Repeat(1, 10)), outcome.MetadataJson);
    }

    [Fact]
    public async Task Files_left_by_one_sample_are_gone_for_the_next()
    {
        const string writes = "import io\nio.open('left-behind.txt', 'w').write('x')\na, b = map(int, input().split())\nprint(a + b)";
        const string reads = "import os\na, b = map(int, input().split())\nprint(a + b + len(os.listdir('..')) - 1)  # only its own private dir may be there";
        Assert.Equal([1, 1], (await GradeAsync(writes, EchoSum)).Results);
        Assert.Equal([1, 1], (await GradeAsync(reads, EchoSum)).Results);
    }

    [Fact]
    public async Task A_sample_cannot_kill_its_worker_it_gets_a_verdict_and_the_worker_grades_the_next()
    {
        // in its own PID namespace the sample's parent is invisible (getppid() is 0): the kill hits only itself
        const string killsWorker = "import ctypes, os, signal\nctypes.CDLL(None).kill(os.getppid(), signal.SIGKILL)\nimport time\ntime.sleep(5)";
        var attacked = await _sandbox.GradeAsync(new SandboxRequest(killsWorker, EchoSum, 6));
        var next = await GradeAsync("a, b = map(int, input().split())\nprint(a + b)", EchoSum);
        Assert.False(attacked.IsFault, attacked.Fault);
        Assert.False(attacked.Passed);
        Assert.Equal([1, 1], next.Results);
    }

    [Fact]
    public async Task An_empty_numpy_array_gets_the_official_TestRunnerError_not_a_fault()
    {
        var add = new TestSuite { FuncName = "add", Tests = [new TestCase("1\n2", "3", "functional")] };
        var outcome = await GradeAsync("import numpy\nclass Solution:\n    def add(self, a, b):\n        return numpy.array([])\n", add);

        Assert.False(outcome.GradingFailed);
        Assert.Equal([0], outcome.Results);
        Assert.Equal(-5, Metadata(outcome).GetProperty("error_code").GetInt32());
        Assert.Equal("IndexError('index 0 is out of bounds for axis 0 with size 0')", Metadata(outcome).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_sample_that_imports_numpy_or_pandas_however_it_names_them_runs_with_them_loaded_before_the_guard()
    {
        // Officially every child is forked with numpy and pandas loaded; here only the children of samples that import
        // them are (data_modules.py): the others fork and exit faster. Which ones is found at the import, not in the text.
        static TestSuite Prints(string output) => new() { Tests = [new TestCase("", output, "stdin")] };
        const string loaded = "import sys\nprint('numpy' in sys.modules, 'pandas' in sys.modules)";

        Assert.Equal([1], (await GradeAsync(loaded, Prints("False False\n"))).Results);
        Assert.Equal([1], (await GradeAsync("m = __import__('nu' + 'mpy')\nprint(m.int64(40) + 2)", Prints("42\n"))).Results);
        Assert.Equal([1], (await GradeAsync("try:\n    import numpy\n    print('numpy')\nexcept BaseException:\n    print('no numpy')", Prints("numpy\n"))).Results);
        Assert.Equal([1], (await GradeAsync("import numpy\nimport pandas as pd\nprint(int(pd.Series(numpy.array([1, 2])).sum()))", Prints("3\n"))).Results);
        Assert.Equal([1], (await GradeAsync("import pandas as pd\nprint(int(pd.Series([1, 2]).sum()))", Prints("3\n"))).Results);
        // the data server's children take the official guard themselves: the same state as a plain child's
        const string guarded = "import pandas\nimport builtins, os, shutil, subprocess, sys\nprint(os.kill, os.chdir, shutil.rmtree, subprocess.Popen, builtins.help, builtins.quit, sys.modules['resource'], os.environ['OMP_NUM_THREADS'])";
        Assert.Equal([1], (await GradeAsync(guarded, Prints("None None None None None None None 1\n"))).Results);
        Assert.Equal([1], (await GradeAsync(loaded, Prints("False False\n"))).Results); // the child after them is a plain one again
    }

    [Fact]
    public async Task A_sample_that_forges_the_report_of_a_missing_module_gets_the_died_verdict_once_not_a_loop()
    {
        const string forger = "import os\nfor fd in range(3, 64):\n    try:\n        os.write(fd, b'{\"needs\": \"numpy\"}\\n')\n    except OSError:\n        pass\nprint(3)";
        var three = new TestSuite { Tests = [new TestCase("", "3\n", "stdin")] };

        var forged = await GradeAsync(forger, three);

        Assert.False(forged.GradingFailed);
        Assert.False(forged.Passed);
        Assert.Equal(-5, Metadata(forged).GetProperty("error_code").GetInt32());
        Assert.Equal([1], (await GradeAsync("print(3)", three)).Results);
    }

    [Fact]
    public async Task The_execution_time_is_the_workers_measure_whatever_the_sample_does_to_its_clock()
    {
        const string code = "import time\ntime.time = lambda: -1.7e308 if time.perf_counter() % 2 < 1 else 1.7e308\na, b = map(int, input().split())\nprint(a + b)";
        var outcome = await GradeAsync(code, EchoSum);

        Assert.Equal([1, 1], outcome.Results);
        Assert.InRange(Metadata(outcome).GetProperty("execution time").GetDouble(), 0, 60);
    }

    [Fact]
    public async Task Each_sample_draws_its_own_random_numbers_in_the_only_thread_as_an_officially_forked_child()
    {
        const string code = "import random, threading\nprint(random.getrandbits(64), threading.current_thread() is threading.main_thread(), threading.active_count())";
        var wrong = new TestSuite { Tests = [new TestCase("", "0\n", "stdin")] }; // the metadata then shows the output
        var first = Metadata(await GradeAsync(code, wrong)).GetProperty("output").GetString()!.Trim().Split(' ');
        var second = Metadata(await GradeAsync(code, wrong)).GetProperty("output").GetString()!.Trim().Split(' ');

        Assert.Equal(["True", "1"], first[1..]);
        Assert.Equal(["True", "1"], second[1..]);
        Assert.NotEqual(first[0], second[0]); // the same 64 bits twice: one in 2^64 if reseeded
    }

    [Fact]
    public async Task A_code_execution_check_has_pandas_and_the_programs_before_and_after_it_grade_as_before()
    {
        var execution = new TestSuite
        {
            Program = "def f(x):\n    return x + 2",
            Tests = [new TestCase("f(x = 1)", "3", "execution")],
        };
        const string sum = "a, b = map(int, input().split())\nprint(a + b)";

        Assert.Equal([1, 1], (await GradeAsync(sum, EchoSum)).Results);
        Assert.Equal([1], (await GradeAsync("int(pd.Series([1, 2]).sum())", execution)).Results);
        Assert.Equal([1, 1], (await GradeAsync(sum, EchoSum)).Results);
        Assert.Equal([0], (await GradeAsync("int(pd.Series([1, 1]).sum())", execution)).Results);
    }

    [Fact]
    public async Task A_program_sees_the_official_guard_and_a_test_output_answer_between_two_programs_does_not()
    {
        const string guarded = "import builtins, os, shutil, subprocess, sys\nprint(os.kill, os.chdir, shutil.rmtree, subprocess.Popen, builtins.help, builtins.quit, sys.modules['resource'], os.environ['OMP_NUM_THREADS'])";
        var guardedState = new TestSuite { Tests = [new TestCase("", "None None None None None None None 1\n", "stdin")] };
        var testOutput = new TestSuite { Tests = [new TestCase("1", "true", "testoutput")] };

        var before = await GradeAsync(guarded, guardedState);
        var unguarded = await GradeAsync("assert f(1) == (__import__('os').kill is not None and __import__('builtins').quit is not None)", testOutput);
        var after = await GradeAsync(guarded, guardedState);

        Assert.True(before.Results.SequenceEqual([1]), before.MetadataJson);
        Assert.True(unguarded.Results.SequenceEqual([1]), unguarded.MetadataJson);
        Assert.True(after.Results.SequenceEqual([1]), after.MetadataJson);
    }

    [Fact]
    public async Task Samples_that_alternate_between_large_suites_each_read_their_own_inputs()
    {
        // inputs of 1 MiB or more reach the child as a shared memfd, which the child forked ahead holds for the last
        // large suite: a sample of another suite, large or small, must get its own
        static TestSuite Large(string line, string sum) =>
            new() { Tests = [new TestCase(line + "\n" + new string(' ', 1 << 20) + "\n", sum + "\n", "stdin"), new TestCase(line + "\n", sum + "\n", "stdin")] };
        TestSuite[] order = [Large("1 2", "3"), Large("5 5", "10"), EchoSum, Large("1 2", "3"), Large("1 2", "3"), Large("5 5", "10")];
        foreach (var suite in order)
        {
            var outcome = await GradeAsync("a, b = map(int, input().split())\nprint(a + b)", suite);
            Assert.True(outcome.Results.SequenceEqual([1, 1]), outcome.MetadataJson);
        }
    }

    [Fact]
    public async Task A_worker_outlives_the_thread_that_started_it()
    {
        // bubblewrap's --die-with-parent fires when the forking thread exits, not the process: a thread-pool thread
        // retired between two samples once killed its worker (code 137)
        var command = BubblewrapCommand.Build(new SandboxOptions(), HarnessFiles.Directory, workerSlot: 0, Environment.IsPrivilegedProcess);
        Task<WorkerProcess>? starting = null;
        string? starterTask = null;
        var starter = new Thread(() =>
        {
            starterTask = new FileInfo("/proc/thread-self").LinkTarget; // "<pid>/task/<tid>"
            starting = WorkerProcess.StartAsync(command, CancellationToken.None);
            Task.WaitAny(starting); // until ready (or failed, thrown below): bubblewrap has set its parent-death signal
        });
        starter.Start();
        starter.Join();
        // gone from /proc once the kernel has released the thread, after it sent any parent-death signal
        await Wait.UntilAsync(() => !Directory.Exists($"/proc/{starterTask}"), TimeSpan.FromSeconds(10), "the starting thread to exit");
        await using var worker = await starting!;

        var outcome = await worker.GradeAsync(WorkerRequest.From(new SandboxRequest("a, b = map(int, input().split())\nprint(a + b)", EchoSum, 6)), CancellationToken.None);

        Assert.False(outcome.IsFault, outcome.Fault);
        Assert.Equal([1, 1], outcome.Results);
    }

    private async Task<SandboxOutcome> GradeAsync(string code, TestSuite suite, double timeoutSeconds = 6) =>
        await new SampleGrader(_sandbox).GradeAsync(code, suite, timeoutSeconds);

    private static JsonElement Metadata(SandboxOutcome outcome) => JsonDocument.Parse(outcome.MetadataJson).RootElement;
}
