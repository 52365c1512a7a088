using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Pipeline.Runs.Views;
using static Pipeline.UnitTests.Scoring.ScorerFixtures;

namespace Pipeline.UnitTests.Scoring;

/// <summary>The generation totals the run store keeps as verdicts are recorded, against the same figures read from the samples.</summary>
public sealed class GenerationTotalsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly InMemoryRunStore _store = new();
    private readonly RunScorer _scorer;
    private readonly Guid _runId = Guid.NewGuid();

    public GenerationTotalsTests() => _scorer = new RunScorer(_store, TimeProvider.System);

    [Fact]
    public async Task The_kept_totals_equal_the_statistics_read_from_the_samples()
    {
        await _scorer.RegisterAsync(Started(_runId, 8), Start);
        foreach (var (graded, i) in AllGraded(_runId, 8, (_, s) => s % 2 == 0).Select((graded, i) => (graded, i)))
        {
            await _scorer.RecordAsync(GenerationSamples.Varied(graded, i));
        }

        var kept = await _store.GetGenerationStatisticsAsync(_runId);

        Assert.Equal(GenerationSamples.Comparable(GenerationStatistics.Of(await _store.GetVerdictsAsync(_runId))), GenerationSamples.Comparable(kept));
        Assert.Equal(24, kept.Samples);
        Assert.Equal(new Dictionary<string, int> { ["empty"] = 2, ["truncated"] = 2 }, kept.Issues);
        Assert.Equal(2, kept.NoCodeExtracted);
        Assert.Equal(5, kept.ReusedVerdicts);
    }

    [Fact]
    public async Task The_95th_latency_percentile_is_exact_by_nearest_rank()
    {
        await _scorer.RegisterAsync(Started(_runId, 10), Start);
        // 30 samples with latencies 30, 29, …, 1 ms: rank ceil(0.95 · 30) = 29 is 29 ms; the maximum is 30 ms.
        foreach (var (graded, i) in AllGraded(_runId, 10, (_, _) => true).Select((graded, i) => (graded, i)))
        {
            await _scorer.RecordAsync(graded with { LatencyMs = 30 - i, CompletionTokens = i });
        }

        var kept = await _store.GetGenerationStatisticsAsync(_runId);

        Assert.Equal(29, kept.P95LatencyMs);
        Assert.Equal(15.5, kept.MeanLatencyMs, 12);
        Assert.Equal(29, kept.MaxCompletionTokens);
    }

    [Fact]
    public async Task A_verdict_delivered_twice_counts_once_with_its_first_figures()
    {
        await _scorer.RegisterAsync(Started(_runId, 4), Start);
        var first = AllGraded(_runId, 4, (_, s) => s == 0).Select(GenerationSamples.Varied).ToList();
        foreach (var graded in first)
        {
            await _scorer.RecordAsync(graded);
        }
        var once = await _store.GetGenerationStatisticsAsync(_runId);

        // Redelivered and replayed copies, with figures of their own: none may count.
        foreach (var graded in first)
        {
            await _scorer.RecordAsync(graded with { LatencyMs = 99_000, CompletionTokens = 9_999, GenerationIssue = "empty", Reused = true });
        }

        Assert.Equal(GenerationSamples.Comparable(once), GenerationSamples.Comparable(await _store.GetGenerationStatisticsAsync(_runId)));
        Assert.Equal(12, once.Samples);
        Assert.True(once.MaxCompletionTokens < 9_999);
    }

    [Fact]
    public async Task A_run_with_no_verdict_has_zero_statistics()
    {
        var none = await _store.GetGenerationStatisticsAsync(_runId);

        Assert.Equal(GenerationSamples.Comparable(GenerationStatistics.Of(Array.Empty<SampleVerdict>())), GenerationSamples.Comparable(none));
        Assert.Equal(0, none.Samples);
    }
}
