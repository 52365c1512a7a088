using Pipeline.Evaluations;

namespace Pipeline.UnitTests.Api;

public sealed class CheckpointWatcherTests
{
    private readonly FakeCatalog _catalog = new();
    private readonly InMemoryEvaluationLedger _ledger = new();
    private readonly RecordingPublisher _publisher = new();

    [Fact]
    public async Task Each_new_model_is_started_once_across_polls_with_the_run_options()
    {
        var watcher = Watchers.Create(_catalog, _ledger, _publisher);
        _catalog.Models.AddRange(["ckpt-100", "ckpt-200"]);

        var first = await watcher.PollOnceAsync(CancellationToken.None);
        var second = await watcher.PollOnceAsync(CancellationToken.None);
        _catalog.Models.Add("ckpt-300");
        var third = await watcher.PollOnceAsync(CancellationToken.None);

        Assert.Equal(["ckpt-100", "ckpt-200"], first.Started.Select(s => s.Model));
        Assert.Empty(second.Started);
        Assert.Equal(["ckpt-300"], third.Started.Select(s => s.Model));
        Assert.Equal(["ckpt-100", "ckpt-200", "ckpt-300"], _publisher.Published.Select(s => s.Model));
        var start = _publisher.Published.First();
        Assert.Equal(Watchers.BaseUrl, start.BaseUrl);
        Assert.Equal("release_v6", start.Selection.Release);
        Assert.Equal(3, start.Sampling.N);
        Assert.Equal([1, 2], start.Ks);
        Assert.Equal(3, _publisher.Published.Select(s => s.RunId).Distinct().Count());
    }

    [Fact]
    public async Task Ids_the_pattern_does_not_match_are_never_started()
    {
        var watcher = Watchers.Create(_catalog, _ledger, _publisher, match: "^ckpt-");
        _catalog.Models.AddRange(["ckpt-1", "base-model", "my-ckpt-2"]);

        await watcher.PollOnceAsync(CancellationToken.None);
        await watcher.PollOnceAsync(CancellationToken.None);

        Assert.Equal(["ckpt-1"], _publisher.Published.Select(s => s.Model));
    }

    [Fact]
    public async Task A_server_that_is_down_is_reported_and_its_models_started_when_it_is_back()
    {
        var watcher = Watchers.Create(_catalog, _ledger, _publisher);
        _catalog.Models.Add("ckpt-1");
        _catalog.Failure = new HttpRequestException("Connection refused");

        var down = await watcher.PollOnceAsync(CancellationToken.None);
        _catalog.Failure = null;
        var back = await watcher.PollOnceAsync(CancellationToken.None);

        Assert.Empty(down.Started);
        Assert.Contains("Connection refused", Assert.Single(down.Problems));
        Assert.Equal(["ckpt-1"], back.Started.Select(s => s.Model));
        Assert.Single(_publisher.Published);
    }

    [Fact]
    public async Task A_run_that_could_not_be_published_gives_its_claim_back_and_starts_next_poll()
    {
        var watcher = Watchers.Create(_catalog, _ledger, _publisher);
        _catalog.Models.Add("ckpt-1");
        _publisher.FailuresLeft = 1;

        var failed = await watcher.PollOnceAsync(CancellationToken.None);
        var retried = await watcher.PollOnceAsync(CancellationToken.None);

        Assert.Empty(failed.Started);
        Assert.Contains("broker unreachable", Assert.Single(failed.Problems));
        var started = Assert.Single(retried.Started);
        Assert.Equal(started.RunId, Assert.Single(_publisher.Published).RunId);
        // The failed attempt left no queued run behind.
        Assert.Equal(started.RunId, Assert.Single(await _ledger.ListAsync()).RunId);
    }

    [Fact]
    public async Task Two_watchers_sharing_the_claims_start_each_model_once()
    {
        var one = Watchers.Create(_catalog, _ledger, _publisher);
        var two = Watchers.Create(_catalog, _ledger, _publisher);
        _catalog.Models.AddRange(Enumerable.Range(0, 20).Select(i => $"ckpt-{i}"));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? one : two).PollOnceAsync(CancellationToken.None)));

        Assert.Equal(20, _publisher.Published.Count);
        Assert.Equal(20, _publisher.Published.Select(s => s.Model).Distinct().Count());
    }

    [Fact]
    public async Task Polling_stops_when_cancelled()
    {
        var watcher = Watchers.Create(_catalog, _ledger, _publisher);
        using var stop = new CancellationTokenSource();
        var polls = 0;

        var running = watcher.RunAsync(_ =>
        {
            if (++polls == 2)
            {
                stop.Cancel();
            }
            return Task.CompletedTask;
        }, stop.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(2, polls);
    }

    [Fact]
    public async Task Nothing_starts_while_Ingest_refuses_the_selection_and_it_is_asked_no_more_once_accepted()
    {
        var selections = new FakeSelections { Errors = new Dictionary<string, string> { ["platforms"] = "unknown 'topcoder'" } };
        var watcher = Watchers.Create(_catalog, _ledger, _publisher, selections: selections);
        _catalog.Models.Add("ckpt-1");

        var refused = await watcher.PollOnceAsync(CancellationToken.None);
        selections.Errors = new Dictionary<string, string>();
        var accepted = await watcher.PollOnceAsync(CancellationToken.None);
        _catalog.Models.Add("ckpt-2");
        await watcher.PollOnceAsync(CancellationToken.None);

        Assert.Equal(["Ingest refuses the selection: platforms: unknown 'topcoder'"], refused.Problems);
        Assert.Empty(refused.Started);
        Assert.Equal(["ckpt-1"], accepted.Started.Select(s => s.Model));
        Assert.Equal(["ckpt-1", "ckpt-2"], _publisher.Published.Select(s => s.Model));
        Assert.Equal(2, selections.Asked);
    }

    [Fact]
    public async Task A_silent_Ingest_does_not_hold_runs_back_and_is_asked_again()
    {
        var selections = new FakeSelections { Silent = true };
        var watcher = Watchers.Create(_catalog, _ledger, _publisher, selections: selections);
        _catalog.Models.Add("ckpt-1");

        await watcher.PollOnceAsync(CancellationToken.None);
        await watcher.PollOnceAsync(CancellationToken.None);

        Assert.Equal(["ckpt-1"], _publisher.Published.Select(s => s.Model));
        Assert.Equal(2, selections.Asked);
    }

    [Theory]
    [InlineData("http://models.test:8000/v1", "http://models.test:8000")]
    [InlineData("http://MODELS.test:8000/v1/", "http://models.test:8000/")]
    public void The_same_server_spelled_two_ways_is_one_claim(string one, string two) =>
        Assert.Equal(EvaluationLauncher.ClaimKey(one, "m"), EvaluationLauncher.ClaimKey(two, "m"));
}
