using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pipeline.Cli.Commands;
using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.IntegrationTests.Grading;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Replay.Faults;
using Pipeline.Runs;
using Spectre.Console;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// `lcb eval --extend` on real RabbitMQ, Redis and the process sandbox: a run over the newest bundled problems, then
/// its extension to an earlier start date. Only the new problems may reach the model server and the sandbox, and the
/// extended run must still hold the official verdict of every problem of the wider selection.
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class ExtendRunTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string Model = "qwen2.5-7b-instruct";
    private static readonly DateOnly FirstStart = new(2025, 4, 1);
    private static readonly DateOnly ExtendedStart = new(2025, 3, 20);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private RabbitVirtualHost? _virtualHost;
    private Pipeline.Replay.ReplayServer? _replay;
    private IHost? _services;
    private IConnectionMultiplexer? _redis;

    private string KeyPrefix => $"test-extend-{_id}:";

    [Fact]
    public async Task An_extension_asks_the_model_and_the_sandbox_only_for_new_problems_and_scores_the_wider_selection_exactly()
    {
        var store = new RedisRunStore(_redis!, new RedisKeys(KeyPrefix));
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 240;
        using var timeout = new CancellationTokenSource(RunTimeout);
        var first = new StartEvaluation
        {
            RunId = Guid.NewGuid(),
            Model = Model,
            BaseUrl = _replay!.BaseUrl,
            Selection = new DatasetSelection { Release = "release_latest", StartDate = FirstStart },
            Sampling = new SamplingSettings { N = 1 },
            Ks = [1],
        };
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, await EvalCommand.ExecuteAsync(first, Bus(), store, console, timeout.Token));
        var firstTook = clock.Elapsed;
        var firstProblems = (await store.GetRunAsync(first.RunId))!.Problems.Select(p => p.ProblemId).ToHashSet();
        var servedBefore = _replay.Models.Find(Model)!.Served;
        Assert.All(await store.GetVerdictsAsync(first.RunId), v => Assert.False(v.Reused));

        var wider = new DatasetSelection { Release = "release_latest", StartDate = ExtendedStart };
        var exit = await EvalExtension.ExecuteAsync(
            new EvalExtension.Request(first.RunId.ToString("N")[..10], wider, BaseUrl: null, Wait: true), Bus(), store, console, timeout.Token);
        log.WriteLine(output.ToString());
        log.WriteLine($"first run {firstTook.TotalSeconds:F1} s, extension {(clock.Elapsed - firstTook).TotalSeconds:F1} s");
        Assert.Equal(0, exit);

        var extended = Assert.Single(await store.ListRunsAsync(), r => r.RunId != first.RunId);
        Assert.Equal(first.RunId, extended.Request!.Extends);
        Assert.Equal((Model, first.TimeoutSeconds, first.PromptStyle), (extended.Model, extended.Request.TimeoutSeconds, extended.Request.PromptStyle));
        Assert.Equivalent(first.Sampling, extended.Request.Sampling, strict: true);
        var extendedProblems = extended.Problems.Select(p => p.ProblemId).ToHashSet();
        var added = extendedProblems.Except(firstProblems).ToHashSet();
        Assert.True(firstProblems.IsProperSubsetOf(extendedProblems) && added.Count >= 10, $"{firstProblems.Count} problems, then {extendedProblems.Count}");
        Assert.Contains($"{extendedProblems.Count} problems: {firstProblems.Count} already evaluated", output.ToString());

        // The model server: one more request for each new problem, none for the problems already evaluated.
        var servedAfter = _replay.Models.Find(Model)!.Served;
        Assert.All(firstProblems, p => Assert.Equal(servedBefore[p], servedAfter[p]));
        Assert.All(added, p => Assert.Equal(1, servedAfter.GetValueOrDefault(p)));

        // The sandbox: the earlier problems' verdicts came from the verdict store, the new ones were graded.
        var verdicts = await store.GetVerdictsAsync(extended.RunId);
        Assert.Equal(extendedProblems.Count, verdicts.Count);
        Assert.Equal(firstProblems.Order(), verdicts.Where(v => v.Reused).Select(v => v.ProblemId).Order());
        Assert.Equal(added.Order(), verdicts.Where(v => !v.Reused).Select(v => v.ProblemId).Order());

        // A complete run over the wider selection: every verdict and the score are the official runner's.
        var official = LcbTestData.OfficialVerdicts(Model).Where(s => s.SampleIndex == 0).ToDictionary(s => s.QuestionId);
        var mismatches = verdicts.Where(v => !official[v.ProblemId].Results.SequenceEqual(v.Results))
            .Select(v => $"{v.ProblemId}: official [{string.Join(",", official[v.ProblemId].Results)}], ours [{string.Join(",", v.Results)}]").ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        var report = await store.GetReportAsync(extended.RunId);
        var expectedPassAt1 = (double)extendedProblems.Count(p => official[p].Passed) / extendedProblems.Count;
        Assert.Equal(expectedPassAt1, report!.Overall.PassAtK["pass@1"], 12);
    }

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
        _virtualHost = await RabbitBroker.Shared.CreateVirtualHostAsync($"test-extend-{_id}");
        _replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [LcbTestData.Recording(Model)] },
            Faults = new FaultOptions(),
        });
        _services = BuildServices();
        await _services.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.StopAsync();
            _services.Dispose();
        }
        if (_replay is not null)
        {
            await _replay.DisposeAsync();
        }
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
        if (_redis is not null)
        {
            await TestKeys.DeleteAsync(_redis, KeyPrefix);
            await _redis.DisposeAsync();
        }
    }

    /// <summary>The four services in this process as their own hosts wire them, on the test's virtual host and key prefix.</summary>
    private IHost BuildServices() =>
        InProcessPipeline.Build(LcbTestData.ProblemsFile, InProcessOnServers.Settings(_virtualHost!.Name, KeyPrefix));

    private IConfiguration Bus() => new ConfigurationBuilder().AddInMemoryCollection(Servers.BusSettings(_virtualHost!.Name)).Build();
}
