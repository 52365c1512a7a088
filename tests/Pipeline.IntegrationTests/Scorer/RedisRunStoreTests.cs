using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Pipeline.Runs.Views;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Scorer;

/// <summary>
/// The Scorer's run state in real Redis, with two Scorer instances (own connections) racing on one run; the generation
/// totals kept with each verdict, and a run recorded before they were kept.
/// </summary>
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
        var scorers = stores.Select(s => new RunScorer(s, TimeProvider.System)).ToArray();
        var graded = ScorerProblems.AllGraded(runId, SamplesPerProblem);
        // Every verdict twice: once in its problem's message, once alone (as a redelivered or replayed one may come).
        var deliveries = VerdictMessages.Of(graded).Concat(graded.SelectMany(v => VerdictMessages.Of([v])))
            .OrderBy(_ => Random.Shared.Next()).ToList();
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
        var scorer = new RunScorer(store, TimeProvider.System);
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

    [Fact]
    public async Task Two_scorers_recording_every_verdict_twice_keep_the_generation_totals_of_the_samples()
    {
        var runId = Guid.NewGuid();
        var stores = new[] { NewStore(_first), NewStore(_second) };
        var scorers = stores.Select(store => new RunScorer(store, TimeProvider.System)).ToArray();
        await scorers[0].RegisterAsync(ScorerProblems.Started(runId, SamplesPerProblem), DateTimeOffset.UtcNow);
        var graded = Varied(runId);
        // The second copy of each verdict claims other figures: whichever copy is recorded first must be the only one counted.
        var copies = graded.Select(g => g with { LatencyMs = g.LatencyMs + 1_000, CompletionTokens = 7_777 });
        var deliveries = graded.Concat(copies).OrderBy(_ => Random.Shared.Next()).ToList();

        await Task.WhenAll(deliveries.Select((message, i) => Task.Run(() => scorers[i % 2].RecordAsync(message))));

        var kept = await stores[1].GetGenerationStatisticsAsync(runId);
        Assert.Equal(graded.Count, kept.Samples);
        Assert.Equal(GenerationSamples.Comparable(GenerationStatistics.Of(await stores[0].GetVerdictsAsync(runId))), GenerationSamples.Comparable(kept));
    }

    [Fact]
    public async Task A_run_recorded_before_generation_totals_were_kept_is_read_from_its_samples_then_from_totals()
    {
        var runId = Guid.NewGuid();
        var store = NewStore(_first);
        var scorer = new RunScorer(store, TimeProvider.System);
        await scorer.RegisterAsync(ScorerProblems.Started(runId, SamplesPerProblem), DateTimeOffset.UtcNow);
        var graded = Varied(runId);
        foreach (var message in graded.Take(graded.Count / 2))
        {
            await scorer.RecordAsync(message);
        }
        // The first half as an earlier Scorer left it (no totals); the rest recorded by this one, as after an upgrade mid-run.
        Assert.Equal(2, await _first.GetDatabase().KeyDeleteAsync([Key(runId, "gen"), Key(runId, "latency")]));
        foreach (var message in graded.Skip(graded.Count / 2).SkipLast(1))
        {
            await scorer.RecordAsync(message);
        }

        var fallback = await store.GetGenerationStatisticsAsync(runId);
        var expected = GenerationStatistics.Of(await store.GetVerdictsAsync(runId));
        Assert.Equal(GenerationSamples.Comparable(expected), GenerationSamples.Comparable(fallback));
        Assert.Equal(graded.Count - 1, fallback.Samples);
        // Read once: the totals now count every sample, and the last verdict adds to them.
        Assert.Equal(graded.Count - 1, (int)await _first.GetDatabase().HashGetAsync(Key(runId, "gen"), "samples"));
        await scorer.RecordAsync(graded[^1]);
        Assert.Equal(graded.Count, (int)await _first.GetDatabase().HashGetAsync(Key(runId, "gen"), "samples"));
        Assert.Equal(
            GenerationSamples.Comparable(GenerationStatistics.Of(await store.GetVerdictsAsync(runId))),
            GenerationSamples.Comparable(await store.GetGenerationStatisticsAsync(runId)));
    }

    private RedisRunStore NewStore(IConnectionMultiplexer redis) => new(redis, new RedisKeys(_prefix));

    private static List<SolutionGraded> Varied(Guid runId) =>
        ScorerProblems.AllGraded(runId, SamplesPerProblem).Select(GenerationSamples.Varied).ToList();

    /// <summary>A part of the run's state as the run store names it (the test deletes it to stand for an older Scorer).</summary>
    private RedisKey Key(Guid runId, string part) => new RedisKeys(_prefix).Run(runId, part);
}
