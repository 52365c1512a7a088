using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Bench.Official;
using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Replay.Faults;
using Pipeline.Runs;

namespace Pipeline.Bench;

/// <summary>
/// Samples per second through the whole pipeline (ingest, prompt, model call, extraction, sandboxed grading,
/// scoring) with a zero-latency replay server answering a trivial program, so what is measured is Pipeline's
/// own cost per sample. In one process on the in-memory bus, or on real RabbitMQ and Redis with --bus rabbitmq.
/// The services start once and evaluate in several rounds, each followed by <c>lcb grade</c> on the same samples with
/// the same workers; the ratio of the best rounds, the first round (services just started) beside it, the time from
/// the start message to the first scored sample (the first provisional pass@1 a user can see), and the processor
/// time per sample of the services, the broker and Redis. This machine's speed wanders by a third from minute to
/// minute, so it also prints the median of each round's ratio to the <c>lcb grade</c> run right after it, and the
/// machine's CPU per sample of both: on busy cores that ratio is the throughput ratio, and its complement is the share
/// the services, broker and stores take.
/// </summary>
internal sealed class PipelineBenchmark : IBenchmark
{
    private const string Model = "trivial";

    public string Name => "pipeline";
    public string Description => "--n 10 --limit 343 --bus inmemory|rabbitmq --workers 2 --rounds 3 --reuse-verdicts false|true (samples/s end to end on running services, trivial programs, against lcb grade)";

    public async Task<int> RunAsync(BenchArguments arguments)
    {
        var n = (int)arguments.Get("n", 10);
        var limit = (int)arguments.Get("limit", 343);
        var workers = (int)arguments.Get("workers", Environment.ProcessorCount);
        var rounds = (int)arguments.Get("rounds", 3);
        var onBroker = arguments.Get("bus") == "rabbitmq";
        var reuse = arguments.Get("reuse-verdicts") == "true";
        var recording = Path.Combine(Path.GetTempPath(), $"pipeline-bench-{Guid.NewGuid():N}.jsonl");
        var scratch = Directory.CreateTempSubdirectory("pipeline-bench-grade-").FullName;
        TrivialRecording.Write(LcbTestData.ProblemsFile, recording);
        await using var servers = onBroker ? await BrokerAndRedis.CreateAsync() : null;
        try
        {
            var set = BenchSet.Trivial(scratch, n, limit);
            await Runners.BuildLcbAsync(Repository.Root);
            await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
            {
                Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [recording] },
                Faults = new FaultOptions(),
            });
            var settings = new Dictionary<string, string?>(servers?.Settings ?? new Dictionary<string, string?>())
            {
                ["Sandbox:Workers"] = workers.ToString(),
                // The n samples of a problem are one program: with reuse on, all but the first come from the verdict store.
                ["Executor:ReuseVerdicts"] = reuse ? "true" : "false",
            };
            using var host = InProcessPipeline.Build(LcbTestData.ProblemsFile, settings);
            await host.StartAsync();
            try
            {
                Console.WriteLine($"pipeline: {limit} problems x {n} samples of `{TrivialRecording.Program}`, zero-latency replay, " +
                    $"{(onBroker ? "RabbitMQ + Redis" : "in-memory bus and stores")}, {workers} sandbox workers (process backend), " +
                    $"verdict reuse {(reuse ? "on" : "off")}; {rounds} rounds, each an evaluation on the running services, then `lcb grade` of the same samples");
                var pipeline = new List<Round>();
                var grade = new List<Round>();
                for (var round = 1; round <= rounds; round++)
                {
                    Console.WriteLine($" round {round}{(round == 1 ? " (services just started)" : "")}:");
                    pipeline.Add(await MeasureAsync(host.Services, replay.BaseUrl, n, limit));
                    grade.Add(await GradeAsync(set, workers, scratch));
                }
                var bestPipeline = pipeline.Max(r => r.SamplesPerSecond);
                var bestGrade = grade.Max(r => r.SamplesPerSecond);
                Console.WriteLine($" best of {rounds}: pipeline {bestPipeline:F1} samples/s, lcb grade {bestGrade:F1} samples/s | " +
                    $"pipeline / lcb grade: {bestPipeline / bestGrade:F2} (round 1, services just started: {pipeline[0].SamplesPerSecond / bestGrade:F2})");
                if (rounds > 1)
                {
                    // Round 1 pays the services' start (JIT): the warm rounds are what a running deployment sees.
                    var warm = Enumerable.Range(1, rounds - 1).ToList();
                    Console.WriteLine($" warm rounds, median: pipeline / the lcb grade right after it {Median(warm.Select(i => pipeline[i].SamplesPerSecond / grade[i].SamplesPerSecond)):F2}; " +
                        $"machine CPU ms per sample, lcb grade / pipeline {Median(warm.Select(i => grade[i].CpuMsPerSample / pipeline[i].CpuMsPerSample)):F2} " +
                        $"(pipeline {Median(warm.Select(i => pipeline[i].CpuMsPerSample)):F1} ms, lcb grade {Median(warm.Select(i => grade[i].CpuMsPerSample)):F1} ms)");
                }
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            File.Delete(recording);
            Directory.Delete(scratch, recursive: true);
        }
        return 0;
    }

    /// <summary>One measured run: samples/s end to end and the whole machine's busy CPU per sample.</summary>
    private sealed record Round(double SamplesPerSecond, double CpuMsPerSample);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary><c>lcb grade</c> of the same problems answered by the same program n times, with the same workers.</summary>
    private static async Task<Round> GradeAsync(BenchSet set, int workers, string scratch)
    {
        var machine = MachineProcessor.Now();
        var grade = await Runners.LcbGradeAsync(Repository.Root, set, workers, 6, scratch, timings: false);
        var used = MachineProcessor.Now() - machine;
        var samplesPerSecond = set.Samples / grade.Run.Wall.TotalSeconds;
        Console.WriteLine($"  lcb grade, same {set.Samples} samples, {workers} workers: {grade.Run.Wall.TotalSeconds:F1} s, {samplesPerSecond:F1} samples/s; " +
            used.Describe(set.Samples));
        return new Round(samplesPerSecond, used.MillisecondsPerSample(set.Samples));
    }

    /// <summary>Runs the evaluation, printing progress.</summary>
    private static async Task<Round> MeasureAsync(IServiceProvider services, string baseUrl, int n, int limit)
    {
        var runId = Guid.NewGuid();
        var store = services.GetRequiredService<IRunStore>();
        var clock = Stopwatch.StartNew();
        var cpu = ProcessorTime.Now();
        var machine = MachineProcessor.Now();
        await services.GetRequiredService<IBus>().Publish(new StartEvaluation
        {
            RunId = runId,
            Model = Model,
            BaseUrl = baseUrl,
            Selection = new DatasetSelection { Release = "release_latest", Limit = limit },
            Sampling = new SamplingSettings { N = n },
            Ks = [1],
        });
        TimeSpan? registered = null;
        TimeSpan? firstScored = null;
        long lastGraded = 0;
        var lastPrint = TimeSpan.Zero;
        while (await store.GetReportAsync(runId) is null)
        {
            await Task.Delay(100);
            registered ??= await store.GetRunAsync(runId) is not null ? clock.Elapsed : null;
            firstScored ??= (await store.GetCountsAsync(runId)).Values.Any(c => c.Samples > 0) ? clock.Elapsed : null;
            if (clock.Elapsed - lastPrint >= TimeSpan.FromSeconds(5))
            {
                lastGraded = (await store.GetCountsAsync(runId)).Values.Sum(c => (long)c.Samples);
                lastPrint = clock.Elapsed;
                Console.WriteLine($"  {lastPrint.TotalSeconds,5:F0} s: {lastGraded} samples scored");
            }
        }
        clock.Stop();
        var used = ProcessorTime.Now() - cpu;
        var machineUsed = MachineProcessor.Now() - machine;
        var samples = (await store.GetCountsAsync(runId)).Values.Sum(c => (long)c.Samples);
        var afterStart = clock.Elapsed - (registered ?? TimeSpan.Zero);
        Console.WriteLine($"  {samples} samples in {clock.Elapsed.TotalSeconds:F1} s: {samples / clock.Elapsed.TotalSeconds:F1} samples/s end to end " +
            $"(ingest and run registration {registered?.TotalSeconds ?? 0:F1} s; {samples / afterStart.TotalSeconds:F1} samples/s after it)");
        Console.WriteLine($"  first provisional pass@1 (first sample scored) {firstScored?.TotalSeconds ?? clock.Elapsed.TotalSeconds:F1} s after the start message; " +
            used.PerSample(samples) + "; " + machineUsed.Describe(samples));
        return new Round(samples / clock.Elapsed.TotalSeconds, machineUsed.MillisecondsPerSample(samples));
    }
}
