using Pipeline.Core.Stores;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Scorer;

/// <summary>The Scorer's run state in real Redis, with two Scorer instances (own connections) racing on one run.</summary>
public sealed class RedisRunStoreTests : IAsyncLifetime
{
    private const int SamplesPerProblem = 6;
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private ConnectionMultiplexer _first = null!;
    private ConnectionMultiplexer _second = null!;

    public async Task InitializeAsync()
    {
        _first = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
        _second = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
    }

    public async Task DisposeAsync()
    {
        await TestKeys.DeleteAsync(_first, _prefix);
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Two_scorers_racing_with_duplicates_and_a_late_registration_count_once_and_complete_once()
    {
        var runId = Guid.NewGuid();
        var stores = new[] { new RedisRunStore(_first, new RedisKeys(_prefix)), new RedisRunStore(_second, new RedisKeys(_prefix)) };
        var scorers = stores.Select(s => new RunScorer(s, ScorerProblems.Store, TimeProvider.System)).ToArray();
        var graded = ScorerProblems.AllGraded(runId, SamplesPerProblem);
        var deliveries = graded.Concat(graded).OrderBy(_ => Random.Shared.Next()).ToList();
        var registration = deliveries.Count / 2;

        var completions = await Task.WhenAll(deliveries.Select((message, i) => Task.Run(async () =>
            i == registration
                ? await scorers[1].RegisterAsync(ScorerProblems.Started(runId, SamplesPerProblem), DateTimeOffset.UtcNow)
                    ?? await scorers[0].RecordAsync(message)
                : await scorers[i % 2].RecordAsync(message))));

        var completed = Assert.Single(completions, c => c is not null)!;
        var expected = Enumerable.Range(0, ScorerProblems.All.Count)
            .Average(i => PassAtK.Estimate(SamplesPerProblem, ScorerProblems.CorrectOf(i, SamplesPerProblem), 5));
        Assert.Equal(expected, completed.PassAtK["pass@5"], 12);
        Assert.Equal(graded.Count, completed.Samples);
        var counts = await stores[0].GetCountsAsync(runId);
        Assert.All(ScorerProblems.All.Select((p, i) => (p, i)), x =>
            Assert.Equal(new ProblemCounts(SamplesPerProblem, ScorerProblems.CorrectOf(x.i, SamplesPerProblem)), counts[x.p.QuestionId]));
        Assert.Equal(graded.Count, (await stores[1].GetVerdictsAsync(runId)).Count);
    }

    [Fact]
    public async Task A_stored_run_reads_back_whole_listed_with_its_report()
    {
        var runId = Guid.NewGuid();
        var store = new RedisRunStore(_first, new RedisKeys(_prefix));
        var scorer = new RunScorer(store, ScorerProblems.Store, TimeProvider.System);
        await scorer.RegisterAsync(ScorerProblems.Started(runId, 1), DateTimeOffset.UtcNow);
        foreach (var message in ScorerProblems.AllGraded(runId, 1))
        {
            await scorer.RecordAsync(message);
        }

        var run = Assert.Single(await store.ListRunsAsync());
        var report = await store.GetReportAsync(runId);
        var verdict = (await store.GetVerdictsAsync(runId)).Single(v => v.ProblemId == "q3");

        Assert.Equal(ScorerProblems.All.Select(p => p.QuestionId), run.Problems.Select(p => p.ProblemId));
        Assert.Equal(["easy", "medium", "hard"], report!.ByDifficulty.Select(g => g.Group));
        Assert.Equal([1], verdict.Results);
        Assert.True(verdict.Passed);
    }
}
