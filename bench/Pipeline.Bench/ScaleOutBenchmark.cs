using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Pipeline.Core.Stores;
using Pipeline.Cli;
using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Replay.Faults;
using Pipeline.Runs;
using Spectre.Console;
using StackExchange.Redis;

namespace Pipeline.Bench;

/// <summary>
/// Grading capacity as Executor processes are added on one machine: every sample is a program that sleeps 200 ms
/// (and fails its first test, so it sleeps once), so capacity is set by the number of sandbox workers, not by the
/// cores. For each count the whole pipeline runs as processes on a fresh virtual host (Ingest, Generator, Scorer,
/// N Executors of one worker each) and evaluates 30 × N samples; throughput runs from the first sample scored
/// to the run's report, and is compared with N times the one-Executor figure.
/// </summary>
internal sealed class ScaleOutBenchmark : IBenchmark
{
    private const string Model = "sleeper";
    private const string Program = "import time\ntime.sleep(0.2)\nprint(0)";

    public string Name => "scaleout";
    public string Description => "--executors 1,2,4,8 --samples-per-executor 30 --n 2 (samples/s of a 200 ms program per Executor count, and the ratio to linear)";

    public async Task<int> RunAsync(BenchArguments arguments)
    {
        var counts = (arguments.Get("executors") ?? "1,2,4,8").Split(',').Select(int.Parse).ToList();
        var perExecutor = (int)arguments.Get("samples-per-executor", 30);
        var n = (int)arguments.Get("n", 2);
        var recording = Path.Combine(Path.GetTempPath(), $"pipeline-bench-{Guid.NewGuid():N}.jsonl");
        var problems = LcbTestData.ProblemsFile;
        TrivialRecording.Write(problems, recording, Program);
        try
        {
            await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
            {
                Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [recording] },
                Faults = new FaultOptions(),
            });
            Console.WriteLine($"scaleout: a program sleeping 200 ms per sample, Executor processes of 1 sandbox worker each (process backend), " +
                $"{perExecutor} samples per Executor, n={n}, RabbitMQ + Redis; load average {LoadAverage()}");
            double? single = null;
            foreach (var executors in counts)
            {
                var problemCount = Math.Max(1, perExecutor * executors / n);
                var (samples, seconds, processor, byProgram) = await MeasureAsync(problems, replay.BaseUrl, executors, problemCount, n);
                var rate = samples / seconds;
                single ??= executors == 1 ? rate : null;
                var ratio = single is { } one ? $"{rate / (executors * one):F2} of {executors} × one Executor" : "(no one-Executor figure)";
                Console.WriteLine($"  {executors} Executor(s): {samples} samples in {seconds:F1} s = {rate:F2} samples/s; {ratio}; {processor.Describe(samples)}");
                Console.WriteLine($"    {byProgram}");
            }
        }
        finally
        {
            File.Delete(recording);
        }
        return 0;
    }

    private static async Task<(long Samples, double Seconds, MachineProcessor Processor, string ByProgram)> MeasureAsync(string problems, string baseUrl, int executors, int problemCount, int n)
    {
        await using var servers = await BrokerAndRedis.CreateAsync();
        var settings = servers.Settings.ToDictionary(s => s.Key, s => s.Value!);
        settings["Bus:Host"] = "localhost";
        var processes = new List<ServiceProcess>
        {
            ServiceProcess.Start("Ingest", "ingest", new Dictionary<string, string>(settings) { ["Dataset:Source"] = problems }),
            ServiceProcess.Start("Generator", "generator", settings),
            ServiceProcess.Start("Scorer", "scorer", settings),
        };
        var executorSettings = new Dictionary<string, string>(settings) { ["Sandbox:Workers"] = "1", ["Executor:ReuseVerdicts"] = "false" };
        processes.AddRange(Enumerable.Range(1, executors).Select(i => ServiceProcess.Start("Executor", $"executor-{i}", executorSettings)));
        try
        {
            await WaitForConsumersAsync(servers, executors, processes);
            using var redis = await ConnectionMultiplexer.ConnectAsync(settings["Redis:Configuration"]);
            var store = new RedisRunStore(redis, new RedisKeys(settings["Stores:KeyPrefix"]!));
            var start = new StartEvaluation
            {
                RunId = Guid.NewGuid(),
                Model = Model,
                BaseUrl = baseUrl,
                Selection = new DatasetSelection { Release = "release_latest", Limit = problemCount },
                Sampling = new SamplingSettings { N = n },
                Ks = [1],
            };
            var bus = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
            await StartPublisher.PublishAsync(start, bus, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), CancellationToken.None);
            var clock = Stopwatch.StartNew();
            TimeSpan? firstScored = null;
            var processorAtFirst = default(MachineProcessor);
            ProcessorByProgram? programsAtFirst = null;
            while (await store.GetReportAsync(start.RunId) is null)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(10))
                {
                    var scored = (await store.GetCountsAsync(start.RunId)).Values.Sum(c => c.Samples);
                    var queues = string.Join(", ", (await servers.QueuesAsync("messages")).Select(q => $"{q.Key}={q.Value}"));
                    throw new TimeoutException($"the run did not complete in 10 minutes: {scored} samples scored; queues {queues}\n" +
                        string.Join("\n", processes.Select(p => p.Output())));
                }
                await Task.Delay(50);
                if (firstScored is null && (await store.GetCountsAsync(start.RunId)).Count > 0)
                {
                    firstScored = clock.Elapsed;
                    processorAtFirst = MachineProcessor.Now();
                    programsAtFirst = ProcessorByProgram.Now();
                }
            }
            var samples = (await store.GetCountsAsync(start.RunId)).Values.Sum(c => (long)c.Samples);
            // the first sample scored opened the window: it and the time before it (ingest, first generation) are left out
            return (samples - 1, (clock.Elapsed - firstScored!.Value).TotalSeconds, MachineProcessor.Now() - processorAtFirst,
                ProcessorByProgram.Now().Describe(programsAtFirst!, samples - 1));
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    private static async Task WaitForConsumersAsync(BrokerAndRedis servers, int executors, IReadOnlyList<ServiceProcess> processes)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{exited.Name} exited while starting\n{exited.Output()}");
            }
            var consumers = await servers.QueuesAsync("consumers");
            if (PipelineQueues.Consumers(executors).All(e => consumers.GetValueOrDefault(e.Key) == e.Value))
            {
                return;
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"the services did not bind their queues within 3 minutes\n{string.Join("\n", processes.Select(p => p.Output()))}");
    }

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
