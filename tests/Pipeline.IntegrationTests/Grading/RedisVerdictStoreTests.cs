using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Grading.Verdicts;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Grading;

/// <summary>The Executor's verdict store and the run's kept command in real Redis.</summary>
public sealed class RedisVerdictStoreTests : IAsyncLifetime
{
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);

    public async Task DisposeAsync()
    {
        await TestKeys.DeleteAsync(_redis, _prefix);
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task The_first_verdict_stored_wins_and_reads_back_whole()
    {
        var store = new RedisVerdictStore(_redis, new RedisKeys(_prefix));
        var key = VerdictKey.For("suite", "print(1)", "grader", 6);
        var first = new StoredVerdict { Results = [1, -3], Passed = false, MetadataJson = """{"error_code": -3}""", GradingMs = 6012.5 };

        var kept = await Task.WhenAll(store.PutAsync(key, first), new RedisVerdictStore(_redis, new RedisKeys(_prefix)).PutAsync(key, first with { Results = [1, 1], Passed = true }));
        var stored = await store.GetAsync(key);

        Assert.NotNull(stored);
        // Both racing writers get back the one kept.
        Assert.All(kept, verdict => Assert.Equal(stored.Passed, verdict.Passed));
        Assert.All(kept, verdict => Assert.Equal(stored.Results, verdict.Results));
        Assert.Single(await KeysAsync());
        Assert.True(stored.Results.SequenceEqual([1, -3]) || stored.Results.SequenceEqual([1, 1]));
        await store.PutAsync(key, first with { Results = [-4], Passed = false, MetadataJson = "{}" });
        var again = await store.GetAsync(key);
        Assert.Equal(stored.Results, again!.Results);
        Assert.Equal((stored.Passed, stored.MetadataJson, stored.GradingMs), (again.Passed, again.MetadataJson, again.GradingMs));
    }

    [Fact]
    public async Task An_unknown_key_and_an_unreadable_entry_are_misses()
    {
        var store = new RedisVerdictStore(_redis, new RedisKeys(_prefix));
        var key = VerdictKey.For("suite", "print(2)", "grader", 6);
        Assert.Null(await store.GetAsync(key));

        await _redis.GetDatabase().StringSetAsync(store.RedisKey(key), "{not json");

        Assert.Null(await store.GetAsync(key));
    }

    [Fact]
    public async Task A_run_registration_keeps_the_command_that_started_it()
    {
        var runs = new RedisRunStore(_redis, new RedisKeys(_prefix));
        var request = new StartEvaluation
        {
            RunId = Guid.NewGuid(), Model = "m", BaseUrl = "http://model/v1", PromptStyle = "base", TimeoutSeconds = 10, Ks = [1, 5],
            Selection = new DatasetSelection { Release = "release_v5", StartDate = new DateOnly(2024, 10, 1), Platforms = ["atcoder"] },
            Sampling = new SamplingSettings { N = 5, Temperature = 0.7, Stop = ["###"], Seed = 7 },
            Extends = Guid.NewGuid(),
        };
        await runs.RegisterAsync(new RunRegistration
        {
            RunId = request.RunId, Model = "m", Problems = [], SamplesPerProblem = 5, Ks = [1, 5], StartedAt = DateTimeOffset.UtcNow, Request = request,
        });

        var kept = (await runs.GetRunAsync(request.RunId))!.Request;

        Assert.Equivalent(request, kept, strict: true);
    }

    private async Task<List<RedisKey>> KeysAsync()
    {
        var keys = new List<RedisKey>();
        await foreach (var key in _redis.GetServers()[0].KeysAsync(pattern: _prefix + "verdict:*"))
        {
            keys.Add(key);
        }
        return keys;
    }
}
