using Pipeline.Core.Problems;
using Pipeline.Grading.Sandbox;

namespace Pipeline.IntegrationTests.Sandbox;

/// <summary>
/// Nothing a sample does survives it, on both backends, each on one warm worker that then passes a
/// correct sample: no storage reaches the next sample (so a program that learns from its failures never
/// passes), no planted module is imported, no memory is left behind.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SandboxPersistenceTests(SandboxBackendsFixture fixture) : IClassFixture<SandboxBackendsFixture>
{
    private const int LearnerSamples = 12;
    private readonly string _mark = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]);

    public static TheoryData<string> Backends() => new(SandboxAttackTests.Backends);

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Nothing_stored_or_planted_anywhere_reaches_the_next_sample(string backend)
    {
        var sandbox = fixture.Sandbox(backend);

        var planting = await GradeAsync(sandbox, PersistenceAttacks.PlantEverywhere, 10);
        var looking = await GradeAsync(sandbox, PersistenceAttacks.FindAnything, 10);

        Assert.False(planting.IsFault, planting.Fault);
        Assert.True(looking.Passed, $"{backend}: {looking.Fault} {looking.MetadataJson}");
        await AssertStillGradesAsync(sandbox, backend);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_program_that_learns_from_its_failures_never_passes(string backend)
    {
        var sandbox = fixture.Sandbox(backend);

        var outcomes = new List<SandboxOutcome>();
        for (var sample = 0; sample < LearnerSamples; sample++)
        {
            outcomes.Add(await GradeAsync(sandbox, PersistenceAttacks.Learner, 6, PersistenceAttacks.YesNo));
        }

        Assert.All(outcomes, outcome => Assert.False(outcome.IsFault, outcome.Fault));
        var passed = outcomes.Count(outcome => outcome.Passed);
        Assert.True(passed == 0, $"{backend}: {passed} of {LearnerSamples} learning samples passed; results " +
            string.Join(" ", outcomes.Select(outcome => $"[{string.Join(",", outcome.Results)}]")));
        await AssertStillGradesAsync(sandbox, backend);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Memory_left_by_one_sample_is_free_for_the_next(string backend)
    {
        // a small sample limit, so that what one sample could leave behind fills its worker's memory limit
        await using var sandbox = SandboxFactory.Create(new SandboxOptions { Backend = backend, Workers = 1, MemoryBytes = 384L << 20 });

        var leaving = await GradeAsync(sandbox, PersistenceAttacks.LeaveMemory, 30);
        var measuring = await GradeAsync(sandbox, PersistenceAttacks.MemoryHeadroom, 30);

        Assert.False(leaving.IsFault, leaving.Fault);
        Assert.True(measuring.Passed, $"{backend}: 200 MB no longer fit after a sample left memory behind: {measuring.Fault} {measuring.MetadataJson}");
        await AssertStillGradesAsync(sandbox, backend);
    }

    private Task<SandboxOutcome> GradeAsync(ISandbox sandbox, string code, int timeoutSeconds, TestSuite? suite = null) =>
        fixture.GradeAsync(sandbox, code, timeoutSeconds, suite, _mark);

    private async Task AssertStillGradesAsync(ISandbox sandbox, string backend)
    {
        var after = await GradeAsync(sandbox, Attacks.Correct, 6);
        Assert.True(after.Passed, $"the control after the attack on {backend}: {after.Fault} [{string.Join(",", after.Results)}] {after.MetadataJson}");
    }
}
