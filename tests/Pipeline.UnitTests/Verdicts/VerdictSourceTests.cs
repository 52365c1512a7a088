using Pipeline.Core.Problems;
using Pipeline.Core.Stores;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Verdicts;

namespace Pipeline.UnitTests.Verdicts;

/// <summary>The Executor's check-then-grade-then-store, on in-memory stores and a counting sandbox.</summary>
public sealed class VerdictSourceTests
{
    private static readonly GraderVersion Version = new("grader-1");
    private readonly InMemorySuiteStore _suites = new();
    private readonly InMemoryVerdictStore _store = new();
    private readonly CountingSandbox _sandbox = new();
    private string _suiteHash = "";

    private async Task<VerdictSource> SourceAsync(bool reuse = true, GraderVersion? version = null)
    {
        var suite = new TestSuite { Tests = [new TestCase("1\n", "1\n", "stdin")] };
        await _suites.PutAsync(suite);
        _suiteHash = suite.Hash;
        return new VerdictSource(new SuiteCache(_suites, 4), new SampleGrader(_sandbox, attempts: 1), _store, version ?? Version, reuse);
    }

    [Fact]
    public async Task The_second_grade_of_the_same_code_is_answered_from_the_store_with_the_same_verdict()
    {
        var source = await SourceAsync();
        _sandbox.Next = new SandboxOutcome { Results = [1, -3], MetadataJson = """{"error_code": -3}""", Elapsed = TimeSpan.FromSeconds(6) };

        var first = await source.GetAsync(_suiteHash, "print(1)", 6, default);
        var second = await source.GetAsync(_suiteHash, "print(1)", 6, default);

        Assert.Equal(1, _sandbox.Calls);
        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(first.Graded.Results, second.Graded.Results);
        Assert.Equal((first.Graded.Passed, first.Graded.MetadataJson), (second.Graded.Passed, second.Graded.MetadataJson));
        Assert.False(second.Graded.Passed);
    }

    [Fact]
    public async Task An_executor_that_lost_the_race_to_the_store_answers_with_the_verdict_kept()
    {
        var source = await SourceAsync();
        _sandbox.Next = new SandboxOutcome { Results = [1], MetadataJson = "{}" };
        var kept = await source.GetAsync(_suiteHash, "print(1)", 6, default);
        // The second Executor looked before the first one stored, so it grades too, and its program answers otherwise.
        _sandbox.Next = new SandboxOutcome { Results = [-2], MetadataJson = """{"error_code": -2}""" };
        var late = new VerdictSource(new SuiteCache(_suites, 4), new SampleGrader(_sandbox, attempts: 1), new LookupsMiss(_store), Version, reuse: true);

        var verdict = await late.GetAsync(_suiteHash, "print(1)", 6, default);

        Assert.Equal(2, _sandbox.Calls);
        Assert.True(verdict.Reused);
        Assert.Equal([1], verdict.Graded.Results);
        Assert.True(verdict.Graded.Passed);
        Assert.Same(kept.Graded, verdict.Graded);
    }

    private sealed class LookupsMiss(IVerdictStore inner) : IVerdictStore
    {
        public Task<StoredVerdict?> GetAsync(VerdictKey key, CancellationToken cancellationToken = default) => Task.FromResult<StoredVerdict?>(null);

        public Task<StoredVerdict> PutAsync(VerdictKey key, StoredVerdict verdict, CancellationToken cancellationToken = default) =>
            inner.PutAsync(key, verdict, cancellationToken);
    }

    [Fact]
    public async Task Other_code_another_timeout_or_another_grader_is_graded_afresh()
    {
        var source = await SourceAsync();
        await source.GetAsync(_suiteHash, "print(1)", 6, default);

        await source.GetAsync(_suiteHash, "print(2)", 6, default);
        await source.GetAsync(_suiteHash, "print(1)", 10, default);
        var changedGrader = await (await SourceAsync(version: new GraderVersion("grader-2"))).GetAsync(_suiteHash, "print(1)", 6, default);

        Assert.Equal(4, _sandbox.Calls);
        Assert.False(changedGrader.Reused);
    }

    [Fact]
    public async Task A_fault_of_ours_throws_and_stores_nothing()
    {
        var source = await SourceAsync();
        _sandbox.Next = SandboxOutcome.Faulted("no worker", TimeSpan.Zero, startFailed: true);

        await Assert.ThrowsAsync<SandboxFaultException>(() => source.GetAsync(_suiteHash, "print(1)", 6, default));

        Assert.Equal(0, _store.Count);
        _sandbox.Next = new SandboxOutcome { Results = [1] };
        Assert.False((await source.GetAsync(_suiteHash, "print(1)", 6, default)).Reused);
    }

    [Fact]
    public async Task An_error_verdict_after_faults_on_every_attempt_is_returned_but_not_stored()
    {
        var source = await SourceAsync();
        _sandbox.Next = SandboxOutcome.Faulted("worker died", TimeSpan.Zero);

        var verdict = await source.GetAsync(_suiteHash, "print(1)", 6, default);

        Assert.False(verdict.Graded.Passed);
        Assert.Contains("TestRunnerError", verdict.Graded.MetadataJson);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task With_reuse_off_every_sample_is_graded_and_nothing_is_stored()
    {
        var source = await SourceAsync(reuse: false);

        await source.GetAsync(_suiteHash, "print(1)", 6, default);
        var again = await source.GetAsync(_suiteHash, "print(1)", 6, default);

        Assert.Equal(2, _sandbox.Calls);
        Assert.False(again.Reused);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task A_stored_verdict_is_used_without_reading_the_suite()
    {
        var source = new VerdictSource(new SuiteCache(new InMemorySuiteStore(), 4), new SampleGrader(_sandbox), _store, Version, reuse: true);
        var key = VerdictKey.For("suite-nowhere", "print(1)", Version.Value, 6);
        await _store.PutAsync(key, new StoredVerdict { Results = [-2], Passed = false, MetadataJson = "{}" });

        var verdict = await source.GetAsync("suite-nowhere", "print(1)", 6, default);

        Assert.True(verdict.Reused);
        Assert.Equal([-2], verdict.Graded.Results);
        Assert.Equal(0, _sandbox.Calls);
    }
}
