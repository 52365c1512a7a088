using System.Diagnostics;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Evaluations;
using Pipeline.Evaluations.Http;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using StackExchange.Redis;

namespace Pipeline.Bench;

/// <summary>
/// How long the dashboard takes to open a large run: Redis filled through the Scorer with 1,055 problems x 10 samples,
/// then the run page's JSON (summary, generation statistics, first page of problems) and a later problems page, read
/// over HTTP from the dashboard's endpoints, first (cold) and then the median of warm repeats.
/// </summary>
internal sealed class DashboardBenchmark : IBenchmark
{
    private const int Problems = 1055;
    private const int SamplesPerProblem = 10;
    private const int Repeats = 5;

    public string Name => "dashboard";
    public string Description => "--redis localhost:6379 (time to open a 1,055 x 10 run's page and problems over HTTP)";

    public async Task<int> RunAsync(BenchArguments arguments)
    {
        var redisAddress = arguments.Get("redis") ?? "localhost:6379";
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisAddress);
        var prefix = $"bench:{Guid.NewGuid():N}:";
        try
        {
            var store = new RedisRunStore(redis, new RedisKeys(prefix));
            var runId = await FillAsync(store);
            await using var app = DashboardHost.Build("http://127.0.0.1:0", store, new InMemoryEvaluationLedger(), new BenchProblems());
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            string[] runPage = [$"/api/runs/{runId}/summary", $"/api/runs/{runId}/generation", $"/api/runs/{runId}/problems?offset=0&limit=50"];
            string[] problemsPage = [$"/api/runs/{runId}/problems?offset=500&limit=50&sort=passAt1&desc=true"];
            Console.WriteLine($"dashboard: {Problems} problems x {SamplesPerProblem} samples in Redis {redisAddress}; HTTP on {app.Urls.First()}");
            await MeasureAsync(http, "run page (summary, generation, problems 1-50)", runPage);
            foreach (var path in runPage)
            {
                await MeasureAsync(http, "  " + path.Split('/').Last().Split('?')[0], [path]);
            }
            await MeasureAsync(http, "problems page (501-550, by pass@1)", problemsPage);
            await app.StopAsync();
        }
        finally
        {
            await ScorerBenchmark.DeleteKeysAsync(redis, prefix);
        }
        return 0;
    }

    private static async Task<Guid> FillAsync(IRunStore store)
    {
        var runId = Guid.NewGuid();
        var scorer = new RunScorer(store, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        await scorer.RegisterAsync(new EvaluationStarted
        {
            RunId = runId, Model = "bench-dashboard", Problems = BenchProblems.RunProblems(Problems),
            SamplesPerProblem = SamplesPerProblem, Ks = [1, 5, 10],
        }, DateTimeOffset.UtcNow);
        var verdicts = Enumerable.Range(0, Problems).SelectMany(p => Enumerable.Range(0, SamplesPerProblem).Select(s => new SolutionGraded
        {
            RunId = runId, ProblemId = $"p{p}", SampleIndex = s, Passed = (p + s) % 3 == 0, Results = [1, 1, -2],
            MetadataJson = """{"error_code": -2}""", Code = new string('x', 400), RawOutput = new string('y', 1200),
            PromptTokens = 600, CompletionTokens = 400, LatencyMs = 900 + s,
        }));
        await Parallel.ForEachAsync(verdicts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (verdict, ct) => await scorer.RecordAsync(verdict, ct));
        Console.WriteLine($"  filled in {clock.Elapsed.TotalSeconds:N1} s");
        return runId;
    }

    private static async Task MeasureAsync(HttpClient http, string what, IReadOnlyList<string> paths)
    {
        var times = new List<double>();
        long bytes = 0;
        for (var repeat = 0; repeat <= Repeats; repeat++)
        {
            var clock = Stopwatch.StartNew();
            var bodies = await Task.WhenAll(paths.Select(async path =>
            {
                using var response = await http.GetAsync(path);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsByteArrayAsync();
            }));
            times.Add(clock.Elapsed.TotalMilliseconds);
            bytes = bodies.Sum(body => (long)body.Length);
        }
        var warm = times.Skip(1).Order().ToList();
        Console.WriteLine($"  {what,-48} first {times[0],7:N0} ms, warm median {warm[warm.Count / 2],7:N0} ms ({bytes / 1024} KiB)");
    }
}
