using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Stores;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Verdicts;
using Pipeline.UnitTests.Verdicts;

namespace Pipeline.UnitTests.Consumers;

/// <summary>The Executor's consumer on the test harness: what it publishes for a message's samples, and what it does on a fault.</summary>
public sealed class SolutionsGeneratedConsumerTests
{
    private static readonly TestSuite Suite = new() { Tests = [new TestCase("1\n", "2\n", "stdin")] };
    private readonly InMemorySuiteStore _suites = new();
    private readonly Guid _runId = Guid.NewGuid();

    [Fact]
    public async Task Each_sample_of_a_message_gets_its_own_verdict_in_one_message_back()
    {
        var sandbox = new CountingSandbox { Answer = request => new SandboxOutcome { Results = [request.Code == "print(2)" ? 1 : -2] } };
        await _suites.PutAsync(Suite);
        await using var bus = await StartAsync(sandbox);

        await bus.Harness.Bus.Publish(Message(
            Sample(0, Suite.Hash, "print(1)"),
            Sample(1, Suite.Hash, "print(2)"),
            Sample(2, Suite.Hash, "") with { GenerationIssue = "empty answer", Truncated = true }));

        var graded = await bus.PublishedAsync<SolutionsGraded>();
        Assert.Equal((_runId, "abc301_a"), (graded.RunId, graded.ProblemId));
        Assert.Equal([(0, false, null, false), (1, true, null, false), (2, false, "empty answer", true)],
            graded.Verdicts.Select(v => (v.SampleIndex, v.Passed, v.GenerationIssue, v.Truncated)));
        Assert.Equal(["print(1)", "print(2)", ""], graded.Verdicts.Select(v => v.Code));
        Assert.Equal(3, sandbox.Calls);
    }

    [Fact]
    public async Task A_sample_that_breaks_its_worker_gets_an_error_verdict_and_its_neighbours_their_own()
    {
        var sandbox = new CountingSandbox
        {
            Answer = request => request.Code == "import os; os._exit(9)"
                ? SandboxOutcome.Faulted("worker died", TimeSpan.Zero)
                : new SandboxOutcome { Results = [1] },
        };
        await _suites.PutAsync(Suite);
        await using var bus = await StartAsync(sandbox);

        await bus.Harness.Bus.Publish(Message(
            Sample(0, Suite.Hash, "print(2)"), Sample(1, Suite.Hash, "import os; os._exit(9)"), Sample(2, Suite.Hash, "print(2)")));

        var graded = await bus.PublishedAsync<SolutionsGraded>();
        Assert.Equal([true, false, true], graded.Verdicts.Select(v => v.Passed));
        Assert.Contains("TestRunnerError", graded.Verdicts[1].MetadataJson);
    }

    [Fact]
    public async Task A_message_whose_suite_is_not_stored_is_faulted_without_grading()
    {
        var sandbox = new CountingSandbox();
        await using var bus = await StartAsync(sandbox);

        await bus.Harness.Bus.Publish(Message(Sample(3, "no-such-suite", "print(1)")));

        var fault = await bus.PublishedAsync<Fault<SolutionsGenerated>>();
        Assert.Contains("no-such-suite", fault.Exceptions[0].Message);
        Assert.False(await bus.Harness.Published.Any<SolutionsGraded>());
        Assert.Equal(0, sandbox.Calls);
    }

    [Fact]
    public async Task A_sandbox_that_cannot_start_for_one_sample_faults_the_message_and_scores_none_of_it()
    {
        var sandbox = new CountingSandbox
        {
            Answer = request => request.Code == "print(2)"
                ? SandboxOutcome.Faulted("worker would not start", TimeSpan.Zero, startFailed: true)
                : new SandboxOutcome { Results = [1] },
        };
        await _suites.PutAsync(Suite);
        await using var bus = await StartAsync(sandbox);

        await bus.Harness.Bus.Publish(Message(Sample(0, Suite.Hash, "print(1)"), Sample(1, Suite.Hash, "print(2)")));

        var fault = await bus.PublishedAsync<Fault<SolutionsGenerated>>();
        Assert.Contains("worker would not start", fault.Exceptions[0].Message);
        Assert.Equal([0, 1], fault.Message.Solutions.Select(s => s.SampleIndex));
        Assert.False(await bus.Harness.Published.Any<SolutionsGraded>());
    }

    private Task<ConsumerHarness> StartAsync(CountingSandbox sandbox) => ConsumerHarness.StartAsync(bus => bus.AddExecutorConsumers(), services =>
    {
        services.AddSingleton(new SandboxOptions());
        services.AddSingleton(new VerdictSource(new SuiteCache(_suites, 4), new SampleGrader(sandbox, attempts: 1),
            new InMemoryVerdictStore(), new GraderVersion("grader-1"), reuse: false));
    });

    private SolutionsGenerated Message(params SolutionGenerated[] samples) => new() { RunId = _runId, ProblemId = "abc301_a", Solutions = samples };

    private SolutionGenerated Sample(int index, string suiteHash, string code) => new()
    {
        RunId = _runId, ProblemId = "abc301_a", SampleIndex = index, SuiteHash = suiteHash, Code = code, TimeoutSeconds = 6,
    };
}
