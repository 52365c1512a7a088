using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Stores;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Verdicts;
using Pipeline.UnitTests.Verdicts;

namespace Pipeline.UnitTests.Consumers;

/// <summary>The Executor's consumer on the test harness: what it publishes for a sample, and what it does without a suite.</summary>
public sealed class SolutionGeneratedConsumerTests
{
    private readonly InMemorySuiteStore _suites = new();
    private readonly CountingSandbox _sandbox = new() { Next = new SandboxOutcome { Results = [-2], MetadataJson = """{"error_code": -2}""" } };

    [Fact]
    public async Task A_graded_sample_carries_its_verdict_and_why_it_had_no_answer()
    {
        var suite = new TestSuite { Tests = [new TestCase("1\n", "2\n", "stdin")] };
        await _suites.PutAsync(suite);
        await using var bus = await StartAsync();

        await bus.Harness.Bus.Publish(Sample(suite.Hash) with { Code = "", GenerationIssue = "empty answer", Truncated = true });

        var graded = await bus.PublishedAsync<SolutionGraded>();
        Assert.Equal(("abc301_a", 3, false, "empty answer", true), (graded.ProblemId, graded.SampleIndex, graded.Passed, graded.GenerationIssue, graded.Truncated));
        Assert.Equal([-2], graded.Results);
        Assert.Equal(1, _sandbox.Calls);
    }

    [Fact]
    public async Task A_sample_whose_suite_is_not_stored_is_faulted_without_grading()
    {
        await using var bus = await StartAsync();

        await bus.Harness.Bus.Publish(Sample("no-such-suite"));

        var fault = await bus.PublishedAsync<MassTransit.Fault<SolutionGenerated>>();
        Assert.Contains("no-such-suite", fault.Exceptions[0].Message);
        Assert.False(await bus.Harness.Published.Any<SolutionGraded>());
        Assert.Equal(0, _sandbox.Calls);
    }

    private Task<ConsumerHarness> StartAsync() => ConsumerHarness.StartAsync(bus => bus.AddExecutorConsumers(), services =>
    {
        services.AddSingleton(new SandboxOptions());
        services.AddSingleton(new VerdictSource(new SuiteCache(_suites, 4), new SampleGrader(_sandbox, attempts: 1),
            new InMemoryVerdictStore(), new GraderVersion("grader-1"), reuse: false));
    });

    private static SolutionGenerated Sample(string suiteHash) => new()
    {
        RunId = Guid.NewGuid(), ProblemId = "abc301_a", SampleIndex = 3, SuiteHash = suiteHash, Code = "print(1)", TimeoutSeconds = 6,
    };
}
