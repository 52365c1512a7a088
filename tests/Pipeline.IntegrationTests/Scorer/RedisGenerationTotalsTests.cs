using Pipeline.Core.Stores;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Pipeline.Runs.Views;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Scorer;

/// <summary>
/// The generation totals the Redis run store keeps with each verdict: two Scorers racing on duplicates count each sample
/// once, and a run recorded before the totals were kept is read from its samples, then served from totals.
/// </summary>
public sealed class RedisGenerationTotalsTests : IAsyncLifetime
{
    private const int SamplesPerProblem = 5;
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private readonly Guid _runId = Guid.NewGuid();
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
    public async Task Two_scorers_recording_every_verdict_twice_keep_the_totals_of_the_samples()
    {
        var stores = new[] { NewStore(_first), NewStore(_second) };
        var scorers = stores.Select(store => new RunScorer(store, TimeProvider.System)).ToArray();
        await scorers[0].RegisterAsync(ScorerProblems.Started(_runId, SamplesPerProblem), DateTimeOffset.UtcNow);
        var graded = Varied();
        // The second copy of each verdict claims other figures: whichever copy is recorded first must be the only one counted.
        var copies = graded.Select(g => g with { LatencyMs = g.LatencyMs + 1_000, CompletionTokens = 7_777 });
        var deliveries = graded.Concat(copies).OrderBy(_ => Random.Shared.Next()).ToList();

        await Task.WhenAll(deliveries.Select((message, i) => Task.Run(() => scorers[i % 2].RecordAsync(message))));

        var kept = await stores[1].GetGenerationStatisticsAsync(_runId);
        Assert.Equal(graded.Count, kept.Samples);
        Assert.Equal(GenerationSamples.Comparable(GenerationStatistics.Of(await stores[0].GetVerdictsAsync(_runId))), GenerationSamples.Comparable(kept));
    }

    [Fact]
    public async Task A_run_recorded_before_the_totals_were_kept_is_read_from_its_samples_then_from_totals()
    {
        var store = NewStore(_first);
        var scorer = new RunScorer(store, TimeProvider.System);
        await scorer.RegisterAsync(ScorerProblems.Started(_runId, SamplesPerProblem), DateTimeOffset.UtcNow);
        var graded = Varied();
        foreach (var message in graded.Take(graded.Count / 2))
        {
            await scorer.RecordAsync(message);
        }
        // The first half as an earlier Scorer left it (no totals); the rest recorded by this one, as after an upgrade mid-run.
        Assert.Equal(2, await _first.GetDatabase().KeyDeleteAsync([Key("gen"), Key("latency")]));
        foreach (var message in graded.Skip(graded.Count / 2).SkipLast(1))
        {
            await scorer.RecordAsync(message);
        }

        var fallback = await store.GetGenerationStatisticsAsync(_runId);
        var expected = GenerationStatistics.Of(await store.GetVerdictsAsync(_runId));
        Assert.Equal(GenerationSamples.Comparable(expected), GenerationSamples.Comparable(fallback));
        Assert.Equal(graded.Count - 1, fallback.Samples);
        // Read once: the totals now count every sample, and the last verdict adds to them.
        Assert.Equal(graded.Count - 1, (int)await _first.GetDatabase().HashGetAsync(Key("gen"), "samples"));
        await scorer.RecordAsync(graded[^1]);
        Assert.Equal(graded.Count, (int)await _first.GetDatabase().HashGetAsync(Key("gen"), "samples"));
        Assert.Equal(
            GenerationSamples.Comparable(GenerationStatistics.Of(await store.GetVerdictsAsync(_runId))),
            GenerationSamples.Comparable(await store.GetGenerationStatisticsAsync(_runId)));
    }

    private RedisRunStore NewStore(IConnectionMultiplexer redis) => new(redis, new RedisKeys(_prefix));

    private List<Pipeline.Contracts.SolutionGraded> Varied() =>
        ScorerProblems.AllGraded(_runId, SamplesPerProblem).Select(GenerationSamples.Varied).ToList();

    /// <summary>A part of the run's state as the run store names it (the test deletes it to stand for an older Scorer).</summary>
    private RedisKey Key(string part) => new RedisKeys(_prefix).Run(_runId, part);
}
