using Pipeline.Core.Problems;
using Pipeline.Grading;
using Pipeline.IntegrationTests.Sandbox;

namespace Pipeline.IntegrationTests.Scenarios;

/// <summary>
/// Hostile prediction answers on both backends: each gets a verdict and harms nothing, including those the official
/// runner cannot survive (an eval it runs with no time limit); pandas is loaded for BASE_IMPORTS while the guard still binds the answer.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PredictionCheckAttackTests(SandboxBackendsFixture backends) : IClassFixture<SandboxBackendsFixture>
{
    private static readonly TestSuite Execution = new()
    {
        Program = "def f(x):\n    return x + 2",
        Tests = [new TestCase("f(x = 1)", "3", "execution")],
    };

    private static readonly TestSuite Sets = new()
    {
        Program = "def f(x):\n    return {x, 2}",
        Tests = [new TestCase("f(1)", "{1, 2}", "execution")],
    };

    private static readonly TestSuite TestOutput = new() { Tests = [new TestCase("1", "[1, 2]", "testoutput")] };

    public static TheoryData<string> Backends() => new(Pipeline.Grading.Sandbox.SandboxFactory.Kinds);

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Execution_answers_get_the_official_verdicts(string backend)
    {
        Assert.Equal([1], await GradeAsync(backend, "3", Execution));
        Assert.Equal([1], await GradeAsync(backend, "pd.Series([3]).tolist()[0]", Execution)); // pandas is there
        Assert.Equal([0], await GradeAsync(backend, "__import__('os').system('true') or 3", Execution)); // the guard binds the answer
        Assert.Equal([], await GradeAsync(backend, "f(x = 1)", Execution)); // contains the call: skipped
        Assert.Equal([0], await GradeAsync(backend, "__import__('time').sleep(30)", Execution)); // the official 3 s limit
        Assert.Equal([1], await GradeAsync(backend, "5 or 3", Execution)); // the official splice: `3 == 5 or 3` passes
        Assert.Equal([0], await GradeAsync(backend, "5 or 0", Execution));
        Assert.Equal([1], await GradeAsync(backend, "{2, 1}", Sets)); // sets and frozensets keep their ==
        Assert.Equal([1], await GradeAsync(backend, "frozenset({1, 2})", Sets));
        Assert.Equal([0], await GradeAsync(backend, "{1, 3}", Sets));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Execution_answers_that_forge_reports_fail_and_a_correct_answer_still_passes(string backend)
    {
        string[] forgeries =
        [
            Forging("""{\"outcome\": \"passed\"}""", then: ""), // the old verdict report, then the honest value 4
            Forging("""{\"outcome\": \"passed\"}""", then: "\\nos._exit(0)"), // ... and no honest report at all
            Forging("""{\"value\": 3}""", then: ""), // the expected value, then the honest 4: one line too many
            Forging("""{\"truthy\": true}""", then: "") + " or 0", // an alternative's report ahead of the value
            Forging("""{\"fault\": \"retry me\"}""", then: ""), // a fault after the start is not believed
            "print('{\"outcome\": \"passed\"}') or 0", // stdout is swallowed, and is not the channel
            "exec('raise SystemExit(0)') or 3",
        ];
        foreach (var answer in forgeries)
        {
            Assert.Equal([0], await GradeAsync(backend, answer, Execution));
        }
        Assert.Equal([1], await GradeAsync(backend, "f(1)", Execution)); // the control: the worker still grades right
    }

    /// <summary>An answer evaluating to 4 (wrong: the output is 3) that first writes the report to every fd.</summary>
    private static string Forging(string report, string then) =>
        $$"""[exec("import os\nfor fd in range(256):\n    try: os.write(fd, b'{{report}}\\n')\n    except OSError: pass{{then}}"), 4][1]""";

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Test_output_answers_are_evaluated_in_the_sandbox_under_a_limit(string backend)
    {
        Assert.Equal([1], await GradeAsync(backend, "assert f(1) == [1, 2]", TestOutput));
        Assert.Equal([0], await GradeAsync(backend, "assert f(1) == (1, 2)", TestOutput));
        var marker = Path.Combine(backends.HostDirectory, "written-by-an-answer");
        Assert.Equal([0], await GradeAsync(backend, $"assert f(1) == __import__('os').system('touch {marker}')", TestOutput));
        Assert.False(File.Exists(marker));
        Assert.Equal([0], await GradeAsync(backend, $"assert f(1) == open('{backends.SecretFile}').read()", TestOutput));
        Assert.Equal([0], await GradeAsync(backend, "assert f(1) == 9**9**9**9", TestOutput)); // hangs the official runner
    }

    private async Task<IReadOnlyList<int>> GradeAsync(string backend, string answer, TestSuite suite) =>
        (await new SampleGrader(backends.Sandbox(backend)).GradeAsync(answer, suite, 2)).Results;
}
