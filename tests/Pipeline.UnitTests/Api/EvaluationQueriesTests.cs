using Pipeline.Evaluations;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Pipeline.UnitTests.Scoring;

namespace Pipeline.UnitTests.Api;

public sealed class EvaluationQueriesTests
{
    private readonly InMemoryEvaluationLedger ledger = new();
    private readonly InMemoryRunStore runs = new();
    private readonly RecordingPublisher publisher = new();

    [Fact]
    public async Task A_started_run_is_queued_then_running_with_progress_then_completed_with_its_report()
    {
        var scorer = new RunScorer(runs, ScorerFixtures.Store(), TimeProvider.System);
        var queries = new EvaluationQueries(ledger, runs);
        var launched = await Launch("ckpt-1");

        var queued = await queries.GetAsync(launched.RunId, CancellationToken.None);
        await scorer.RegisterAsync(ScorerFixtures.Started(launched.RunId, 2), DateTimeOffset.UtcNow);
        var graded = ScorerFixtures.AllGraded(launched.RunId, 2, (_, sample) => sample == 0);
        await scorer.RecordAsync(graded[0]);
        await scorer.RecordAsync(graded[1]);
        var running = await queries.GetAsync(launched.RunId, CancellationToken.None);
        foreach (var sample in graded.Skip(2))
        {
            await scorer.RecordAsync(sample);
        }
        var completed = await queries.GetAsync(launched.RunId, CancellationToken.None);

        Assert.Equal((EvaluationStatus.Queued, "ckpt-1", "api"), (queued!.State, queued.Model, queued.Source));
        Assert.Null(queued.TotalSamples);
        Assert.Equal(EvaluationStatus.Running, running!.State);
        Assert.Equal((1, 2L, 6), (running.ProblemsComplete, running.SamplesGraded, running.TotalSamples));
        Assert.Equal(0.5, running.ProvisionalPassAt1);
        Assert.Null(running.Report);
        Assert.Equal(EvaluationStatus.Completed, completed!.State);
        Assert.Equal(0.5, completed.Report!.Overall.PassAtK["pass@1"]);
        Assert.Equal(6, completed.SamplesGraded);
    }

    [Fact]
    public async Task A_run_whose_rest_is_parked_is_stalled_and_says_why_until_a_replayed_verdict_clears_it()
    {
        var scorer = new RunScorer(runs, ScorerFixtures.Store(), TimeProvider.System);
        var queries = new EvaluationQueries(ledger, runs);
        var launched = await Launch("ckpt-1");
        await scorer.RegisterAsync(ScorerFixtures.Started(launched.RunId, 2), DateTimeOffset.UtcNow);
        var graded = ScorerFixtures.AllGraded(launched.RunId, 2, (_, _) => true);
        var parkedProblem = graded[^1].ProblemId;
        foreach (var sample in graded.Where(g => g.ProblemId != parkedProblem))
        {
            await scorer.RecordAsync(sample);
        }
        var running = await queries.GetAsync(launched.RunId, CancellationToken.None);
        await runs.RecordParkedAsync(launched.RunId, new ParkedWork
        {
            ProblemId = parkedProblem, Samples = 2, Stage = ParkedWork.Generation, Reason = "ModelServerRejectedException: model server answered 400 (BadRequest): no recording",
        });
        var stalled = await queries.GetAsync(launched.RunId, CancellationToken.None);
        foreach (var sample in graded.Where(g => g.ProblemId == parkedProblem))
        {
            await scorer.RecordAsync(sample);
        }
        var completed = await queries.GetAsync(launched.RunId, CancellationToken.None);

        Assert.Equal((EvaluationStatus.Running, null), (running!.State, running.Problem));
        Assert.Equal((EvaluationStatus.Stalled, 2L), (stalled!.State, stalled.SamplesParked));
        Assert.StartsWith($"2 samples parked (generation of {parkedProblem}: ModelServerRejectedException: model server answered 400", stalled.Problem);
        Assert.EndsWith($"`lcb replay --run {launched.RunId.ToString("N")[..8]}`", stalled.Problem);
        Assert.Equal((EvaluationStatus.Completed, 0L, null), (completed!.State, completed.SamplesParked, completed.Problem));
        Assert.Empty(await runs.GetParkedAsync(launched.RunId));
    }

    [Fact]
    public async Task A_start_Ingest_refused_is_failed_with_its_reason_in_the_detail_and_the_list()
    {
        var queries = new EvaluationQueries(ledger, runs);
        var launched = await Launch("ckpt-1");
        await runs.RecordFailedStartAsync(new FailedStart
        {
            RunId = launched.RunId, Model = "ckpt-1", BaseUrl = "http://model", Reason = "DatasetException: unknown platform topcoder", FailedAt = DateTimeOffset.UtcNow,
        });

        var failed = await queries.GetAsync(launched.RunId, CancellationToken.None);
        Assert.Equal((EvaluationStatus.Failed, "the run could not start: DatasetException: unknown platform topcoder"), (failed!.State, failed.Problem));
        Assert.Equal(EvaluationStatus.Failed, Assert.Single(await queries.ListAsync(CancellationToken.None)).State);
    }

    [Fact]
    public async Task Unknown_runs_are_not_found()
    {
        Assert.Null(await new EvaluationQueries(ledger, runs).GetAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task The_list_holds_queued_runs_and_runs_started_elsewhere_newest_first()
    {
        var queries = new EvaluationQueries(ledger, runs);
        var elsewhere = Guid.NewGuid();
        await runs.RegisterAsync(new RunRegistration
        {
            RunId = elsewhere, Model = "from-lcb-eval", Problems = [], SamplesPerProblem = 1, Ks = [1], StartedAt = DateTimeOffset.UtcNow.AddHours(-1),
        });
        var older = await Launch("ckpt-1");
        await Task.Delay(5);
        var newer = await Launch("ckpt-2");

        var list = await queries.ListAsync(CancellationToken.None);

        Assert.Equal([newer.RunId, older.RunId, elsewhere], list.Select(s => s.RunId));
        Assert.Equal([EvaluationStatus.Queued, EvaluationStatus.Queued, EvaluationStatus.Running], list.Select(s => s.State));
        Assert.Null(list[2].Source);
    }

    private Task<LaunchResult> Launch(string model) =>
        new EvaluationLauncher(ledger, publisher, TimeProvider.System)
            .LaunchAsync(Watchers.Template.For(model, Watchers.BaseUrl), "api", claim: true, CancellationToken.None);
}
