using System.Diagnostics;
using Pipeline.Core.Problems;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;

namespace Pipeline.Bench;

/// <summary>
/// <c>sandbox [--backend process|docker] [--samples N]</c>: per backend, the per-sample overhead of a
/// trivial program over bare /usr/bin/python3 running it (p50/p95, one worker, sequential), samples/s
/// of the trivial program and of the real corpus (tests/data/lcb, official public-verdict samples) with
/// one worker per core. It compares no runner: speed against the official runner is the <c>official</c> bench's,
/// which runs the real one (never a stand-in for it).
/// </summary>
internal sealed class SandboxBench : IBenchmark
{
    public string Name => "sandbox";
    public string Description => "--backend process|docker (default both) --samples 200: overhead over bare python3, samples/s, real corpus";

    private const string Trivial = "print(int(input()) + 1)\n";
    private static readonly TestSuite TrivialSuite = new() { Tests = [new TestCase("41\n", "42\n", "stdin")] };

    public async Task<int> RunAsync(BenchArguments arguments)
    {
        var backends = arguments.Get("backend") is { } one ? [one] : SandboxFactory.Kinds;
        var samples = int.Parse(arguments.Get("samples") ?? "200");
        var workers = Environment.ProcessorCount;
        var corpus = CorpusSamples();

        var bare = await BareLatenciesAsync(samples);
        Console.WriteLine($"bare /usr/bin/python3, trivial program: p50 {P(bare, 50):F1} ms, p95 {P(bare, 95):F1} ms");
        foreach (var backend in backends)
        {
            await BenchBackendAsync(backend, samples, workers, bare, corpus);
        }
        return 0;
    }

    private static async Task BenchBackendAsync(string backend, int samples, int workers, double[] bare, IReadOnlyList<(string Code, TestSuite Suite)> corpus)
    {
        await using (var single = SandboxFactory.Create(new SandboxOptions { Backend = backend, Workers = 1 }))
        {
            await GradeAsync(single, Trivial, TrivialSuite); // start the worker
            var latencies = new double[samples];
            for (var i = 0; i < samples; i++)
            {
                var clock = Stopwatch.StartNew();
                await GradeAsync(single, Trivial, TrivialSuite);
                latencies[i] = clock.Elapsed.TotalMilliseconds;
            }
            Console.WriteLine($"{backend}: trivial sample p50 {P(latencies, 50):F1} ms, p95 {P(latencies, 95):F1} ms; " +
                              $"overhead over bare python3 p50 {P(latencies, 50) - P(bare, 50):F1} ms, p95 {P(latencies, 95) - P(bare, 95):F1} ms");
        }
        await using var pool = SandboxFactory.Create(new SandboxOptions { Backend = backend, Workers = workers });
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => GradeAsync(pool, Trivial, TrivialSuite))); // start every worker
        var trivial = await ThroughputAsync(pool, Enumerable.Repeat((Trivial, TrivialSuite), samples * 2).ToList(), workers);
        Console.WriteLine($"{backend}: trivial program, {workers} workers: {trivial:F1} samples/s");
        var real = await ThroughputAsync(pool, corpus, workers);
        Console.WriteLine($"{backend}: corpus ({corpus.Count} samples), {workers} workers: {real:F1} samples/s");
    }

    private static async Task<double> ThroughputAsync(ISandbox sandbox, IReadOnlyList<(string Code, TestSuite Suite)> work, int workers)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = workers },
            async (sample, _) => await GradeAsync(sandbox, sample.Code, sample.Suite));
        return work.Count / clock.Elapsed.TotalSeconds;
    }

    private static async Task GradeAsync(ISandbox sandbox, string code, TestSuite suite)
    {
        var outcome = await sandbox.GradeAsync(new SandboxRequest(code, suite, SampleGrader.DefaultTimeoutSeconds));
        if (outcome.IsFault)
        {
            throw new InvalidOperationException($"sandbox fault during the bench: {outcome.Fault}");
        }
    }

    private static async Task<double[]> BareLatenciesAsync(int samples)
    {
        var latencies = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", Trivial])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
            })!;
            await python.StandardInput.WriteAsync("41\n");
            python.StandardInput.Close();
            await python.StandardOutput.ReadToEndAsync();
            await python.WaitForExitAsync();
            latencies[i] = clock.Elapsed.TotalMilliseconds;
        }
        return latencies;
    }

    private static IReadOnlyList<(string Code, TestSuite Suite)> CorpusSamples()
    {
        var suites = LcbTestData.Suites();
        return [.. new[] { "o1-mini", "qwen2.5-7b-instruct" }
            .SelectMany(LcbTestData.OfficialVerdicts)
            .Select(sample => (sample.Code, suites[sample.QuestionId]))];
    }

    private static double P(double[] values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, sorted.Length * percentile / 100)];
    }
}
