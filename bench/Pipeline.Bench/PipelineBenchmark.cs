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
/// time per sample of the services, the broker and Redis.
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
                var pipeline = new List<double>();
                var grade = new List<double>();
                for (var round = 1; round <= rounds; round++)
                {
                    Console.WriteLine($" round {round}{(round == 1 ? " (services just started)" : "")}:");
                    pipeline.Add(await MeasureAsync(host.Services, replay.BaseUrl, n, limit));
                    grade.Add(await GradeAsync(set, workers, scratch));
                }
                Console.WriteLine($" best of {rounds}: pipeline {pipeline.Max():F1} samples/s, lcb grade {grade.Max():F1} samples/s | " +
                    $"pipeline / lcb grade: {pipeline.Max() / grade.Max():F2} (round 1, services just started: {pipeline[0] / grade.Max():F2})");
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

    /// <summary><c>lcb grade</c> of the same problems answered by the same program n times, with the same workers; its samples/s.</summary>
    private static async Task<double> GradeAsync(BenchSet set, int workers, string scratch)
    {
        var grade = await Runners.LcbGradeAsync(Repository.Root, set, workers, 6, scratch, timings: false);
        var samplesPerSecond = set.Samples / grade.Run.Wall.TotalSeconds;
        Console.WriteLine($"  lcb grade, same {set.Samples} samples, {workers} workers: {grade.Run.Wall.TotalSeconds:F1} s, {samplesPerSecond:F1} samples/s");
        return samplesPerSecond;
    }

    /// <summary>Runs the evaluation, printing progress; returns its samples/s end to end.</summary>
    private static async Task<double> MeasureAsync(IServiceProvider services, string baseUrl, int n, int limit)
    {
        var runId = Guid.NewGuid();
        var store = services.GetRequiredService<IRunStore>();
        var clock = Stopwatch.StartNew();
        var cpu = ProcessorTime.Now();
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
        var samples = (await store.GetCountsAsync(runId)).Values.Sum(c => (long)c.Samples);
        var afterStart = clock.Elapsed - (registered ?? TimeSpan.Zero);
        Console.WriteLine($"  {samples} samples in {clock.Elapsed.TotalSeconds:F1} s: {samples / clock.Elapsed.TotalSeconds:F1} samples/s end to end " +
            $"(ingest and run registration {registered?.TotalSeconds ?? 0:F1} s; {samples / afterStart.TotalSeconds:F1} samples/s after it)");
        Console.WriteLine($"  first provisional pass@1 (first sample scored) {firstScored?.TotalSeconds ?? clock.Elapsed.TotalSeconds:F1} s after the start message; " +
            used.PerSample(samples));
        return samples / clock.Elapsed.TotalSeconds;
    }
}
