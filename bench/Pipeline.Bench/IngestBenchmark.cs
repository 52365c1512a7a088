using System.Diagnostics;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Dataset.Ingest;
using StackExchange.Redis;

namespace Pipeline.Bench;

/// <summary>
/// Ingest throughput and memory on a large synthetic file (default 500 MB): rows/s, MB/s, peak working set.
/// Stores: "discard" (decode and hash, keep nothing: the reader's own cost) or "redis" (a real Redis, keys
/// under a unique prefix, deleted afterwards).
/// </summary>
internal sealed class IngestBenchmark : IBenchmark
{
    public string Name => "ingest";
    public string Description => "--size-mb 500 --store discard|redis --redis localhost:6379 --file PATH (kept if given)";

    public async Task<int> RunAsync(BenchArguments arguments)
    {
        var sizeMb = arguments.Get("size-mb", 500);
        var keep = arguments.Get("file");
        var path = keep ?? Path.Combine(Path.GetTempPath(), $"lcb-bench-{Guid.NewGuid():N}.jsonl");
        try
        {
            if (!File.Exists(path))
            {
                var generation = Stopwatch.StartNew();
                var written = SyntheticDatasetFile.Write(LcbTestData.ProblemsFile, path, (long)(sizeMb * 1_000_000));
                Console.WriteLine($"generated {written / 1e6:F0} MB in {generation.Elapsed.TotalSeconds:F0} s: {path}");
            }
            var store = arguments.Get("store") ?? "discard";
            return store == "redis"
                ? await WithRedis(arguments.Get("redis") ?? "localhost:6379", path)
                : await Measure(path, new DiscardingSuiteStore(), new InMemoryProblemStore(), store);
        }
        finally
        {
            if (keep is null)
            {
                File.Delete(path);
            }
        }
    }

    private static async Task<int> WithRedis(string configuration, string path)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true");
        var keys = new RedisKeys($"bench-{Guid.NewGuid():N}:");
        try
        {
            return await Measure(path, new RedisSuiteStore(redis, keys), new RedisProblemStore(redis, keys), "redis");
        }
        finally
        {
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            foreach (var key in server.Keys(pattern: keys.Prefix + "*"))
            {
                await redis.GetDatabase().KeyDeleteAsync(key, CommandFlags.FireAndForget);
            }
        }
    }

    private static async Task<int> Measure(string path, ISuiteStore suites, IProblemStore problems, string storeName)
    {
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var summary = await new DatasetIngestor(problems, suites)
            .IngestAsync(path, new DatasetSelection { Release = "release_latest" });
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var rows = summary.Problems.Count;
        var megabytes = summary.Dataset.SourceBytes / 1e6;
        Console.WriteLine($"store            {storeName}");
        Console.WriteLine($"file             {new FileInfo(path).Length / 1e6:F0} MB, {rows} rows, {summary.Tests:N0} tests, {summary.Dataset.BadRows.Count} bad rows");
        Console.WriteLine($"decoded suites   {summary.SuiteBytes / 1e6:F0} MB");
        // The machine may be shared: CPU time shows the cost independent of what else runs.
        Console.WriteLine($"time             {seconds:F1} s wall, {cpuSeconds:F1} s CPU ({summary.Dataset.SourceBytes / 1e6 / cpuSeconds:F1} MB of file per CPU second)");
        Console.WriteLine($"throughput       {rows / seconds:F1} rows/s, {megabytes / seconds:F1} MB/s (file), {summary.SuiteBytes / 1e6 / seconds:F1} MB/s (decoded)");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        Console.WriteLine($"GC               heap now {GC.GetTotalMemory(false) / 1e6:F0} MB, allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1e9:F1} GB, gen2 collections {GC.CollectionCount(2)}");
        return summary.Dataset.BadRows.Count == 0 ? 0 : 1;
    }
}
