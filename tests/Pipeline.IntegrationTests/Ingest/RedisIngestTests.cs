using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Stores;
using Pipeline.Dataset.Ingest;
using Pipeline.IntegrationTests.Grading;
using Pipeline.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Ingest;

/// <summary>Ingest into a real Redis: suites once under their hash, problems by id, and a second ingest writes nothing new.</summary>
public sealed class RedisIngestTests : IAsyncLifetime
{
    private ConnectionMultiplexer _redis = null!;
    private RedisPrefix _prefix = null!;

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis + ",allowAdmin=true");
        _prefix = new RedisPrefix(_redis);
    }

    public async Task DisposeAsync()
    {
        await _prefix.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Re_ingesting_the_same_data_writes_nothing_new()
    {
        var selection = new DatasetSelection { Release = "release_latest" };

        var first = await Ingestor().IngestAsync(LcbTestData.ProblemsFile, selection);
        var keysAfterFirst = _prefix.CountKeys();
        await _prefix.MarkAllKeys();
        var second = await Ingestor().IngestAsync(LcbTestData.ProblemsFile, selection);

        Assert.Equal((343, 0, 343), (first.NewSuites, first.StoredSuites, first.NewOrChangedProblems));
        Assert.Equal((0, 343, 0), (second.NewSuites, second.StoredSuites, second.NewOrChangedProblems));
        Assert.Equal(343 * 2, keysAfterFirst);
        Assert.Equal(keysAfterFirst, _prefix.CountKeys());
        Assert.Equal(0, await _prefix.CountUnmarkedKeys());
    }

    [Fact]
    public async Task Stored_problems_and_suites_read_back_equal()
    {
        var summary = await Ingestor().IngestAsync(LcbTestData.ProblemsFile, new DatasetSelection { Release = "release_latest", Platforms = ["codeforces"] });
        var keys = new RedisKeys(_prefix.Value);

        var problem = await new RedisProblemStore(_redis, keys).GetAsync("1873_A");
        var suite = await new RedisSuiteStore(_redis, keys).GetAsync(problem!.SuiteHash);

        Assert.Equal(summary.Problems.Single().SuiteHash, problem.SuiteHash);
        Assert.Equal(problem.SuiteHash, suite!.Hash);
        Assert.Equal(problem.PublicTests + problem.PrivateTests, suite.Tests.Count);
        Assert.Null(await new RedisSuiteStore(_redis, keys).GetAsync(new string('0', 64)));
    }

    [Fact]
    public async Task A_changed_problem_is_rewritten_and_reported()
    {
        var store = new RedisProblemStore(_redis, new RedisKeys(_prefix.Value));
        var problem = new Problem
        {
            QuestionId = "q1", QuestionTitle = "t", QuestionContent = "c", Platform = "atcoder", ContestId = "abc1",
            ContestDate = new DateTime(2024, 1, 1), StarterCode = "", Difficulty = "easy", Metadata = "{}",
            SuiteHash = "h", PublicTests = 1, PrivateTests = 0,
        };

        Assert.True(await store.PutAsync(problem));
        Assert.False(await store.PutAsync(problem));
        Assert.True(await store.PutAsync(problem with { Difficulty = "hard" }));
        Assert.Equal("hard", (await store.GetAsync("q1"))!.Difficulty);
    }

    private DatasetIngestor Ingestor()
    {
        var keys = new RedisKeys(_prefix.Value);
        return new DatasetIngestor(new RedisProblemStore(_redis, keys), new RedisSuiteStore(_redis, keys));
    }
}
