using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Pipeline.Cli.Commands;
using Pipeline.Contracts;
using Pipeline.IntegrationTests.Grading;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.ReplayServer.Faults;
using Pipeline.Scorer.Runs;
using Spectre.Console;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// The whole pipeline as separate processes on real RabbitMQ and Redis: Ingest, Generator, two Executors and the
/// Scorer, started by `lcb eval` on the 343 bundled problems with a recorded model replayed; every verdict must
/// equal the official runner's, also when one Executor is killed in the middle of the run.
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class DistributedRunTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string Model = "qwen2.5-7b-instruct";
    private const int ProblemCount = 343;
    private const int OfficialPassed = 77;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Samples whose official verdict depends on the machine (docs/decisions/004 and 005): abc380_d doubles a string
    /// until the 6 s alarm (official -3); on a host short of memory it ends before the alarm. Here it must fail, by any code.
    /// </summary>
    private static readonly HashSet<string> MachineDependent = ["abc380_d"];

    private readonly string id = Guid.NewGuid().ToString("N")[..12];
    private readonly List<ServiceProcess> processes = [];
    private ReplayServer.ReplayServer? replay;
    private IConnectionMultiplexer? redis;
    private string? virtualHost;

    private string KeyPrefix => $"test-e2e-{id}:";

    [Fact]
    public async Task Separate_processes_with_two_executors_reproduce_the_official_verdicts()
    {
        var clock = Stopwatch.StartNew();
        var (runId, output) = await EvaluateAsync(whileRunning: null);
        log.WriteLine($"343 problems, two Executors: {clock.Elapsed.TotalSeconds:F0} s from lcb eval to results");
        await AssertOfficialAsync(runId, output);
    }

    [Fact]
    public async Task A_killed_executor_loses_no_sample_and_counts_none_twice()
    {
        long? killedAt = null;
        var (runId, output) = await EvaluateAsync(whileRunning: async (store, runId) =>
        {
            // Kill once some samples are graded and most are still to come; its unacknowledged samples go to the other.
            while (killedAt is null)
            {
                var graded = (await store.GetCountsAsync(runId)).Values.Sum(c => (long)c.Samples);
                if (graded >= 40)
                {
                    processes.Single(p => p.Name == "executor-1").Crash();
                    killedAt = graded;
                    log.WriteLine($"killed executor-1 after {graded} samples graded");
                }
                await Task.Delay(100);
            }
        });
        Assert.True(killedAt < ProblemCount / 2, $"executor-1 was killed after {killedAt} samples graded, too late to matter\n{output}{AllOutput()}");
        await AssertOfficialAsync(runId, output);
    }

    private async Task<(Guid RunId, string Output)> EvaluateAsync(Func<IRunStore, Guid, Task>? whileRunning)
    {
        var store = new RedisRunStore(redis!, KeyPrefix);
        var console = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        var start = new StartEvaluation
        {
            RunId = Guid.NewGuid(),
            Model = Model,
            BaseUrl = replay!.BaseUrl,
            Selection = new DatasetSelection { Release = "release_latest" },
            Sampling = new SamplingSettings { N = 1 },
            Ks = [1],
        };
        var bus = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Host"] = Servers.RabbitMqHost, ["Bus:VirtualHost"] = virtualHost,
        }).Build();
        using var timeout = new CancellationTokenSource(RunTimeout);
        string? deadLetters = null;
        var watchdog = WatchErrorQueuesAsync(listing =>
        {
            deadLetters = listing;
            timeout.Cancel();
        }, timeout.Token);
        var evaluation = EvalCommand.ExecuteAsync(start, bus, store, ansi, timeout.Token);
        var side = whileRunning is null ? Task.CompletedTask : whileRunning(store, start.RunId);
        try
        {
            var exitCode = await evaluation;
            await side;
            Assert.True(exitCode == 0, console + AllOutput());
        }
        catch (OperationCanceledException)
        {
            var why = deadLetters is null ? $"the run did not complete within {RunTimeout}" : $"a message was dead-lettered, the run cannot complete:\n{deadLetters}";
            Assert.Fail($"{why}\n{console}{await ProgressAsync(store, start.RunId)}\n{AllOutput()}");
        }
        finally
        {
            await timeout.CancelAsync();
            await watchdog;
        }
        return (start.RunId, console.ToString());
    }

    private async Task AssertOfficialAsync(Guid runId, string output)
    {
        var store = new RedisRunStore(redis!, KeyPrefix);
        var verdicts = await store.GetVerdictsAsync(runId);
        var official = LcbTestData.OfficialVerdicts(Model).Where(s => s.SampleIndex == 0).ToDictionary(s => s.QuestionId);
        var context = $"{output}\n{AllOutput()}";
        Assert.True(verdicts.Count == ProblemCount, $"{verdicts.Count} verdicts stored\n{context}");
        Assert.Equal(ProblemCount, verdicts.Select(v => (v.ProblemId, v.SampleIndex)).Distinct().Count());
        var counts = await store.GetCountsAsync(runId);
        Assert.Equal(ProblemCount, counts.Count);
        Assert.All(counts.Values, c => Assert.Equal(1, c.Samples));
        var differing = verdicts.Where(v => !official.TryGetValue(v.ProblemId, out var expected) || !expected.Results.SequenceEqual(v.Results)).ToList();
        foreach (var known in differing.Where(v => MachineDependent.Contains(v.ProblemId)))
        {
            // Still a failure, only by another road (the machine's memory reached before the alarm): the score holds.
            log.WriteLine($"{known.ProblemId}: ours [{string.Join(",", known.Results)}], official [{string.Join(",", official[known.ProblemId].Results)}] (machine-dependent, decision 004)");
            Assert.False(known.Passed);
            Assert.All(known.Results, r => Assert.True(r < 1));
        }
        var mismatches = differing
            .Where(v => !MachineDependent.Contains(v.ProblemId))
            .Select(v => $"{v.ProblemId}: official [{(official.TryGetValue(v.ProblemId, out var e) ? string.Join(",", e.Results) : "none")}], ours [{string.Join(",", v.Results)}]")
            .ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} samples differ from the official runner:\n{string.Join("\n", mismatches)}\n{context}");
        Assert.Equal(OfficialPassed, official.Values.Count(s => s.Passed));
        Assert.Equal(OfficialPassed, verdicts.Count(v => v.Passed));
        var report = await store.GetReportAsync(runId);
        Assert.NotNull(report);
        Assert.Equal((double)OfficialPassed / ProblemCount, report.Overall.PassAtK["pass@1"], 9);
    }

    public async Task InitializeAsync()
    {
        redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
        virtualHost = $"test-e2e-{id}";
        await RabbitMqCtl("add_vhost", virtualHost);
        await RabbitMqCtl("set_permissions", "-p", virtualHost, "guest", ".*", ".*", ".*");
        replay = await ReplayServer.ReplayServer.StartAsync(new ReplayServer.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [Generator.Data.Recording(Model)] },
            Faults = new FaultOptions(),
        });
        var common = new Dictionary<string, string>
        {
            ["Bus:Host"] = Servers.RabbitMqHost,
            ["Bus:VirtualHost"] = virtualHost,
            ["Redis:Configuration"] = Servers.Redis,
            ["Stores:KeyPrefix"] = KeyPrefix,
        };
        processes.Add(ServiceProcess.Start("Ingest", "ingest", With(common, ("Dataset:Source", LcbTestData.ProblemsFile))));
        processes.Add(ServiceProcess.Start("Generator", "generator", common));
        // One warm worker each: two graders on this machine's cores, as the single-process demo, so time limits hold.
        processes.Add(ServiceProcess.Start("Executor", "executor-1", With(common, ("Sandbox:Workers", "1"))));
        processes.Add(ServiceProcess.Start("Executor", "executor-2", With(common, ("Sandbox:Workers", "1"))));
        processes.Add(ServiceProcess.Start("Scorer", "scorer", common));
        await WaitForConsumersAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }
        if (replay is not null)
        {
            await replay.DisposeAsync();
        }
        if (virtualHost is not null)
        {
            await RabbitMqCtl("delete_vhost", virtualHost);
        }
        if (redis is not null)
        {
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            var keys = server.Keys(pattern: KeyPrefix + "*").ToArray();
            if (keys.Length > 0)
            {
                await redis.GetDatabase().KeyDeleteAsync(keys);
            }
            await redis.DisposeAsync();
        }
    }

    /// <summary>Until every service's queue has its consumers (two on the Executors' queue); the bus drops what no queue is bound for.</summary>
    private async Task WaitForConsumersAsync()
    {
        var expected = new Dictionary<string, int>
        {
            ["start-evaluation"] = 1, ["generate-solutions"] = 1, ["solution-generated"] = 2, ["evaluation-started"] = 1, ["solution-graded"] = 1,
        };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var listing = "";
        while (DateTime.UtcNow < deadline)
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                Assert.Fail($"{exited.Name} exited while starting\n{AllOutput()}");
            }
            listing = await RabbitMqCtl("list_queues", "-p", virtualHost!, "name", "consumers", "--no-table-headers", "-q");
            var consumers = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t', ' '))
                .Where(parts => parts.Length >= 2 && int.TryParse(parts[^1], out _))
                .ToDictionary(parts => parts[0], parts => int.Parse(parts[^1]));
            if (expected.All(e => consumers.TryGetValue(e.Key, out var n) && n >= e.Value))
            {
                return;
            }
            await Task.Delay(500);
        }
        Assert.Fail($"the services did not bind their queues within 2 minutes:\n{listing}\n{AllOutput()}");
    }

    /// <summary>Calls <paramref name="found"/> with the queue listing when a message lands in an _error queue (it would stall the run until the timeout).</summary>
    private async Task WatchErrorQueuesAsync(Action<string> found, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                var listing = await RabbitMqCtl("list_queues", "-p", virtualHost!, "name", "messages", "--no-table-headers", "-q");
                if (listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t', ' '))
                    .Any(parts => parts[0].EndsWith("_error", StringComparison.Ordinal) && parts.Length >= 2 && parts[^1] != "0"))
                {
                    found(listing);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run ended
        }
    }

    private static async Task<string> ProgressAsync(IRunStore store, Guid runId)
    {
        var counts = await store.GetCountsAsync(runId);
        return $"run store: registered {await store.GetRunAsync(runId) is not null}, {counts.Values.Sum(c => c.Samples)} samples graded";
    }

    private string AllOutput() => string.Join("\n", processes.Select(p => p.Output()));

    private static Dictionary<string, string> With(Dictionary<string, string> common, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>(common);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static Task<string> RabbitMqCtl(params string[] arguments) => Infrastructure.RabbitMqCtl.RunAsync(arguments);
}
