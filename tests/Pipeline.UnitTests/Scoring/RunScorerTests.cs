using Pipeline.Core.Stores;
using Pipeline.Contracts;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using static Pipeline.UnitTests.Scoring.ScorerFixtures;

namespace Pipeline.UnitTests.Scoring;

public sealed class RunScorerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly InMemoryRunStore _store = new();
    private readonly Guid _runId = Guid.NewGuid();

    private RunScorer NewScorer() => new(_store, TimeProvider.System);

    [Fact]
    public async Task A_duplicate_verdict_changes_nothing()
    {
        var scorer = NewScorer();
        await scorer.RegisterAsync(Started(_runId, 2), Start);
        await scorer.RecordAsync(Graded(_runId, "p-easy", 0, passed: true));
        var before = await _store.GetCountsAsync(_runId);

        // The replay claims the opposite verdict: the first recorded one must stand.
        await scorer.RecordAsync(Graded(_runId, "p-easy", 0, passed: false));

        Assert.Equal(new ProblemCounts(1, 1), (await _store.GetCountsAsync(_runId))["p-easy"]);
        Assert.Equal(before, await _store.GetCountsAsync(_runId));
        Assert.True(Assert.Single(await _store.GetVerdictsAsync(_runId)).Passed);
    }

    [Fact]
    public async Task The_last_verdict_completes_the_run_with_the_official_estimate()
    {
        var scorer = NewScorer();
        await scorer.RegisterAsync(Started(_runId, 2, 1, 2, 5), Start);
        var completions = new List<EvaluationCompleted>();
        foreach (var graded in AllGraded(_runId, 2, (id, i) => id == "p-easy" || (id == "p-medium" && i == 1)))
        {
            if (await scorer.RecordAsync(graded) is { } completed)
            {
                completions.Add(completed);
            }
        }

        var completion = Assert.Single(completions);
        Assert.Equal(["pass@1", "pass@2"], completion.PassAtK.Keys.Order());
        Assert.Equal((1.0 + 0.5 + 0.0) / 3, completion.PassAtK["pass@1"], 12);
        Assert.Equal((1.0 + 1.0 + 0.0) / 3, completion.PassAtK["pass@2"], 12);
        Assert.Equal((3, 6), (completion.Problems, completion.Samples));
        Assert.NotNull(await _store.GetReportAsync(_runId));
    }

    [Fact]
    public async Task Verdicts_arriving_before_the_run_is_registered_complete_it_at_registration()
    {
        var scorer = NewScorer();
        foreach (var graded in AllGraded(_runId, 1, (id, _) => id != "p-hard"))
        {
            Assert.Null(await scorer.RecordAsync(graded));
        }

        var completion = await scorer.RegisterAsync(Started(_runId, 1), Start);

        Assert.NotNull(completion);
        Assert.Equal(2.0 / 3, completion.PassAtK["pass@1"], 12);
        Assert.Null(await scorer.RegisterAsync(Started(_runId, 1), Start));
    }

    [Fact]
    public async Task Concurrent_scorers_with_duplicates_count_each_sample_once_and_complete_once()
    {
        var scorers = new[] { NewScorer(), NewScorer(), NewScorer() };
        var messages = AllGraded(_runId, 10, (_, i) => i % 3 == 0);
        var deliveries = messages.Concat(messages).Concat(messages.Take(7)).OrderBy(_ => Random.Shared.Next()).ToList();

        var results = await Task.WhenAll(deliveries.Select((m, i) => Task.Run(() => scorers[i % scorers.Length].RecordAsync(m)))
            .Append(Task.Run(() => scorers[0].RegisterAsync(Started(_runId, 10), Start))));

        Assert.Single(results, r => r is not null);
        var counts = await _store.GetCountsAsync(_runId);
        Assert.All(Problems, p => Assert.Equal(new ProblemCounts(10, 4), counts[p.QuestionId]));
    }

    [Fact]
    public async Task A_verdict_outside_a_registered_run_is_refused_and_not_recorded()
    {
        var scorer = NewScorer();
        await scorer.RegisterAsync(Started(_runId, 2), Start);

        var unknown = await Assert.ThrowsAsync<InvalidDataException>(() => scorer.RecordAsync(Graded(_runId, "p-other", 0, true)));
        var outOfRange = await Assert.ThrowsAsync<InvalidDataException>(() => scorer.RecordAsync(Graded(_runId, "p-easy", 2, true)));

        Assert.Contains("p-other", unknown.Message);
        Assert.Contains("outside 0..1", outOfRange.Message);
        Assert.Empty(await _store.GetVerdictsAsync(_runId));
    }

    [Fact]
    public async Task A_run_keeps_the_problem_attributes_its_start_carries()
    {
        var started = Started(_runId, 1);
        var renamed = started with { Problems = [started.Problems[0] with { Difficulty = "hard", Platform = "codeforces" }, .. started.Problems.Skip(1)] };

        await NewScorer().RegisterAsync(renamed, Start);

        var run = await _store.GetRunAsync(_runId);
        Assert.Equal(renamed.Problems, run!.Problems);
        Assert.Equal(("hard", "codeforces"), (run.Problems[0].Difficulty, run.Problems[0].Platform));
    }

    [Fact]
    public async Task A_start_listing_a_problem_twice_is_refused()
    {
        var started = Started(_runId, 1);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            NewScorer().RegisterAsync(started with { Problems = [started.Problems[0], started.Problems[0]] }, Start));

        Assert.Contains("twice", error.Message);
        Assert.Null(await _store.GetRunAsync(_runId));
    }
}
