using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using static Pipeline.UnitTests.Scoring.ScorerFixtures;

namespace Pipeline.UnitTests.Scoring;

/// <summary>The one read of a run's state that `lcb status`, `lcb eval --wait` and the API share.</summary>
public sealed class RunSnapshotTests
{
    private readonly InMemoryRunStore _store = new();
    private readonly Guid _runId = Guid.NewGuid();

    [Fact]
    public async Task A_run_not_registered_has_nothing_and_has_not_ended()
    {
        var snapshot = await RunSnapshot.ReadAsync(_store, _runId, default);

        Assert.Equal(new RunSnapshot(null, null, null), snapshot);
        Assert.False(snapshot.HasEnded);
    }

    [Fact]
    public async Task A_refused_start_has_ended_with_its_reason()
    {
        await _store.RecordFailedStartAsync(new FailedStart
        {
            RunId = _runId, Model = "m", BaseUrl = "http://model", Reason = "DatasetException: no problem", FailedAt = DateTimeOffset.UtcNow,
        });

        var snapshot = await RunSnapshot.ReadAsync(_store, _runId, default);

        Assert.Equal("DatasetException: no problem", snapshot.FailedStart?.Reason);
        Assert.True(snapshot.HasEnded);
    }

    [Fact]
    public async Task A_run_runs_until_its_last_verdict_then_ends_with_its_report()
    {
        var scorer = new RunScorer(_store, TimeProvider.System);
        await scorer.RegisterAsync(Started(_runId, 1), DateTimeOffset.UtcNow);
        var verdicts = AllGraded(_runId, 1, (id, _) => id == "p-easy");
        foreach (var graded in verdicts.SkipLast(1))
        {
            await scorer.RecordAsync(graded);
        }

        var running = await RunSnapshot.ReadAsync(_store, _runId, default);
        await scorer.RecordAsync(verdicts[^1]);
        var completed = await RunSnapshot.ReadAsync(_store, _runId, default);

        Assert.Equal((2L, false, (RunReport?)null), (running.Progress!.SamplesGraded, running.HasEnded, running.Report));
        Assert.Equal((3L, true), (completed.Progress!.SamplesGraded, completed.HasEnded));
        Assert.Equal(1.0 / 3, completed.Report!.Overall.PassAtK["pass@1"], 12);
    }

    [Fact]
    public async Task A_run_whose_rest_is_parked_has_ended_stalled()
    {
        var scorer = new RunScorer(_store, TimeProvider.System);
        await scorer.RegisterAsync(Started(_runId, 1), DateTimeOffset.UtcNow);
        foreach (var graded in AllGraded(_runId, 1, (_, _) => true).SkipLast(1))
        {
            await scorer.RecordAsync(graded);
        }
        await _store.RecordParkedAsync(_runId, new ParkedWork { ProblemId = "p-hard", Samples = 1, Stage = ParkedWork.Generation, Reason = "r" });

        var snapshot = await RunSnapshot.ReadAsync(_store, _runId, default);

        Assert.True(snapshot.Progress!.IsStalled);
        Assert.True(snapshot.HasEnded);
        Assert.Null(snapshot.Report);
    }
}
