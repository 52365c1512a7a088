using Pipeline.Core.Problems;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;

namespace Pipeline.UnitTests.Grading;

public sealed class SampleGraderTests
{
    private static readonly TestSuite Suite = new() { Tests = [new TestCase("1\n", "1\n", "stdin")] };

    [Fact]
    public async Task A_fault_is_retried_and_the_verdict_that_follows_is_returned()
    {
        var sandbox = new ScriptedSandbox(SandboxOutcome.Faulted("worker died", TimeSpan.Zero), new SandboxOutcome { Results = [1] });
        var outcome = await new SampleGrader(sandbox).GradeAsync("print(1)", Suite, 6);
        Assert.Equal([1], outcome.Results);
        Assert.Equal(2, sandbox.Calls);
    }

    [Fact]
    public async Task A_worker_that_cannot_start_throws_instead_of_scoring_a_failure()
    {
        var sandbox = new ScriptedSandbox(
            SandboxOutcome.Faulted("worker died", TimeSpan.Zero), SandboxOutcome.Faulted("no bwrap", TimeSpan.Zero, startFailed: true),
            SandboxOutcome.Faulted("worker died", TimeSpan.Zero));
        var error = await Assert.ThrowsAsync<SandboxFaultException>(() => new SampleGrader(sandbox, attempts: 3).GradeAsync("x", Suite, 6));
        Assert.Contains("no bwrap", error.Message);
        Assert.Equal(3, sandbox.Calls);
    }

    [Fact]
    public async Task A_sample_that_faults_a_running_worker_on_every_attempt_gets_an_error_verdict()
    {
        var sandbox = new ScriptedSandbox(Enumerable.Repeat(SandboxOutcome.Faulted("worker died", TimeSpan.Zero), 3).ToArray());

        var outcome = await new SampleGrader(sandbox, attempts: 3).GradeAsync("x", Suite, 6);

        Assert.Equal(3, sandbox.Calls);
        Assert.False(outcome.IsFault);
        Assert.False(outcome.Passed);
        Assert.True(outcome.GradingFailed);
        Assert.Equal([-2], outcome.Results);
        Assert.Contains("\"error_message\":\"TestRunnerError\"", outcome.MetadataJson);
        Assert.Contains("worker died", outcome.MetadataJson);
    }

    [Fact]
    public async Task A_failing_verdict_is_not_retried()
    {
        var sandbox = new ScriptedSandbox(new SandboxOutcome { Results = [-4] }, new SandboxOutcome { Results = [1] });
        var outcome = await new SampleGrader(sandbox).GradeAsync("x", Suite, 6);
        Assert.Equal([-4], outcome.Results);
        Assert.False(outcome.Passed);
    }

    private sealed class ScriptedSandbox(params SandboxOutcome[] outcomes) : ISandbox
    {
        public int Calls { get; private set; }

        public Task<SandboxOutcome> GradeAsync(SandboxRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(outcomes[Calls++]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
