using System.Diagnostics;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using StackExchange.Redis;

namespace Pipeline.Bench;

/// <summary>
/// How many verdicts per second the Scorer's logic records and scores (registration, idempotent record,
/// completion), with run state in process memory and in Redis; every sample is delivered twice.
/// </summary>
internal sealed class ScorerBenchmark : IBenchmark
{
    private const int Problems = 343;
    private const int SamplesPerProblem = 10;
    private const int Concurrency = 16;

    public string Name => "scorer";
    public string Description => "--redis localhost:6379 (verdicts/s recorded and scored, in memory and in Redis)";

    public async Task<int> RunAsync(BenchArguments arguments)
    {
        var redis = arguments.Get("redis") ?? "localhost:6379";
        Console.WriteLine($"scorer: {Problems} problems x {SamplesPerProblem} samples, each delivered twice, {Concurrency} concurrent");
        await MeasureAsync("in-memory", new InMemoryRunStore());
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var prefix = $"bench:{Guid.NewGuid():N}:";
        await MeasureAsync($"redis {redis}", new RedisRunStore(connection, new RedisKeys(prefix)));
        await DeleteKeysAsync(connection, prefix);
        return 0;
    }

    private static async Task MeasureAsync(string name, IRunStore store)
    {
        var runId = Guid.NewGuid();
        var scorer = new RunScorer(store, TimeProvider.System);
        var verdicts = Enumerable.Range(0, Problems).SelectMany(p => Enumerable.Range(0, SamplesPerProblem).Select(s => new SolutionGraded
        {
            RunId = runId, ProblemId = $"p{p}", SampleIndex = s, Passed = (p + s) % 3 == 0,
            Results = [1, 1, -2], MetadataJson = """{"error_code": -2}""", Code = new string('x', 400),
        })).ToList();
        var deliveries = verdicts.Concat(verdicts).ToList();
        var completions = 0;
        var clock = Stopwatch.StartNew();
        await scorer.RegisterAsync(new EvaluationStarted
        {
            RunId = runId, Model = "bench", Problems = BenchProblems.RunProblems(Problems),
            SamplesPerProblem = SamplesPerProblem, Ks = [1, 5, 10],
        }, DateTimeOffset.UtcNow);
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (message, ct) =>
        {
            if (await scorer.RecordAsync(message, ct) is not null)
            {
                Interlocked.Increment(ref completions);
            }
        });
        clock.Stop();
        Console.WriteLine(
            $"  {name,-24} {deliveries.Count / clock.Elapsed.TotalSeconds,10:N0} deliveries/s  ({deliveries.Count} in {clock.Elapsed.TotalMilliseconds:N0} ms, completions: {completions})");
    }

    internal static async Task DeleteKeysAsync(IConnectionMultiplexer redis, string prefix)
    {
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }
}
