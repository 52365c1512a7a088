using Pipeline.Bench;
using Pipeline.Bench.Official;

// Each benchmark lives in its own file and is listed here: `dotnet run --project bench/Pipeline.Bench -c Release -- <name> [--options]`.
IBenchmark[] benchmarks =
[
    new IngestBenchmark(),
    new GenerateBenchmark(),
    new ScorerBenchmark(),
    new DashboardBenchmark(),
    new SandboxBench(),
    new PipelineBenchmark(),
    new BusBenchmark(),
    new ScaleOutBenchmark(),
    new OfficialBenchmark(),
];

var chosen = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (chosen is null)
{
    Console.WriteLine("usage: Pipeline.Bench <benchmark> [--options]");
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"  {benchmark.Name,-12} {benchmark.Description}");
    }
    return args.Length == 0 ? 0 : 1;
}
return await chosen.RunAsync(new BenchArguments(args[1..]));
