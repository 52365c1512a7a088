using System.Diagnostics;
using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Cli;
using Pipeline.Cli.Commands;
using Pipeline.Cli.Errors;
using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.IntegrationTests.Grading;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Dataset;
using Pipeline.Replay.Faults;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Spectre.Console;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Faults;

/// <summary>
/// Fault 2: the model server fails some problems until it is fixed. The whole pipeline (one process, real RabbitMQ in
/// its own virtual host, real Redis, real sandbox) parks those problems' GenerateSolutions after its retries and grades
/// the rest; once the server is fixed, `lcb replay` completes the run with the official verdicts and no sample lost or doubled.
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class FailingModelServerTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string Model = "qwen2.5-7b-instruct";
    private static readonly DatasetSelection Selection = new() { Release = "release_latest", Limit = 12 };
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string id = Guid.NewGuid().ToString("N")[..12];
    private RabbitVirtualHost? virtualHost;
    private Pipeline.Replay.ReplayServer? replay;
    private IHost? pipeline;

    private string KeyPrefix => $"test-faults-{id}:";

    private string VirtualHost => virtualHost!.Name;

    [Fact]
    public async Task Problems_parked_while_the_server_failed_them_complete_the_run_with_official_verdicts_after_replay()
    {
        var selected = DatasetReader.Read(LcbTestData.ProblemsFile, Selection, new DatasetReport()).Select(e => e.Problem.QuestionId).ToList();
        string[] failing = [selected[1], selected[6]];
        replay!.Faults.Set(new FaultOptions { FailingProblems = $"^({string.Join("|", failing.Select(Regex.Escape))})$" });
        var run = Guid.NewGuid();
        var sinceStart = Stopwatch.StartNew();
        await pipeline!.Services.GetRequiredService<IBus>().Publish(new StartEvaluation
        {
            RunId = run, Model = Model, BaseUrl = replay.BaseUrl, Selection = Selection, Sampling = new SamplingSettings { N = 1 }, Ks = [1],
        });

        var store = pipeline.Services.GetRequiredService<IRunStore>();
        var parked = await virtualHost!.WaitForParkedAsync(p => p.Count >= failing.Length, Patience);
        await Wait.UntilAsync(async () => await GradedAsync(store, run) == selected.Count - failing.Length, Patience, "the other problems to be graded");
        log.WriteLine($"{failing.Length} problems parked and {selected.Count - failing.Length} graded {sinceStart.Elapsed.TotalSeconds:F1} s after the start");
        Assert.Equal(failing.Order(), parked.Select(p => p.ProblemId!).Order());
        Assert.All(parked, p =>
        {
            Assert.Equal(("generate-solutions", run, 1), (p.Queue, p.RunId, p.Retries));
            Assert.Contains("500 (Internal Server Error)", p.Reason);
        });
        Assert.Null(await store.GetReportAsync(run));
        // The run knows what is parked and why, and that nothing else is left in flight.
        await Wait.UntilAsync(async () => (await store.GetParkedAsync(run)).Count == failing.Length, Patience, "the run to know its parked problems");
        Assert.All(await store.GetParkedAsync(run), p => Assert.Equal((ParkedWork.Generation, 1), (p.Stage, p.Samples)));
        Assert.Equal(ExitCodes.RunStalled, await EvalCommand.FollowAsync(store, run, Plain(new StringWriter()), CancellationToken.None));

        replay.Faults.Set(new FaultOptions());
        var clock = Stopwatch.StartNew();
        var output = new StringWriter();
        await using (var queues = await ErrorQueues.ConnectAsync(virtualHost!.Factory(), CancellationToken.None))
        {
            await ReplayCommand.ExecuteAsync(queues, ErrorQueues.PipelineQueues, run.ToString("N")[..8], Plain(output), CancellationToken.None);
        }
        Assert.Contains($"generate-solutions: {failing.Length} moved back", output.ToString());
        await Wait.UntilAsync(async () => await store.GetReportAsync(run) is not null, Patience, "the replayed run to complete");
        log.WriteLine($"{failing.Length} parked problems; run complete {clock.Elapsed.TotalSeconds:F1} s after replay");

        var verdicts = await store.GetVerdictsAsync(run);
        Assert.Equal(selected.Order(), verdicts.Select(v => v.ProblemId).Order());
        Assert.All((await store.GetCountsAsync(run)).Values, c => Assert.Equal(1, c.Samples));
        var official = LcbTestData.OfficialVerdicts(Model).Where(s => s.SampleIndex == 0).ToDictionary(s => s.QuestionId);
        Assert.All(verdicts, v => Assert.Equal(official[v.ProblemId].Results, v.Results));
        var report = (await store.GetReportAsync(run))!;
        Assert.Equal(verdicts.Count(v => official[v.ProblemId].Passed) / (double)selected.Count, report.Overall.PassAtK["pass@1"], 9);
        Assert.Empty(await virtualHost!.ParkedAsync());
        Assert.Empty(await store.GetParkedAsync(run));
    }

    [Fact]
    public async Task A_model_the_server_refuses_is_parked_at_once_with_the_servers_message_and_the_run_stalls()
    {
        var run = Guid.NewGuid();
        await pipeline!.Services.GetRequiredService<IBus>().Publish(new StartEvaluation
        {
            RunId = run, Model = "gpt-nope", BaseUrl = replay!.BaseUrl, Selection = Selection with { Limit = 2 },
            Sampling = new SamplingSettings { N = 3 }, Ks = [1],
        });
        var store = pipeline.Services.GetRequiredService<IRunStore>();
        var parked = await virtualHost!.WaitForParkedAsync(p => p.Count >= 2, Patience);
        Assert.All(parked, p =>
        {
            Assert.Equal(("generate-solutions", run, 0), (p.Queue, p.RunId, p.Retries));
            Assert.Equal("ModelServerRejectedException: model server answered 404 (NotFound): model 'gpt-nope' is not served here", p.Reason);
        });
        var console = new StringWriter();
        Assert.Equal(ExitCodes.RunStalled, await EvalCommand.FollowAsync(store, run, Plain(console), CancellationToken.None)
            .WaitAsync(Patience));
        var summary = ParkedSummary.Describe(run, await store.GetParkedAsync(run));
        Assert.StartsWith("6 samples parked (generation of ", summary);
        Assert.Contains("model 'gpt-nope' is not served here", summary);
        Assert.EndsWith($"then `lcb replay --run {run.ToString("N")[..8]}`", summary);
    }

    [Theory]
    [InlineData("topcoder", null, "DatasetException: unknown platform topcoder (expected ")]
    [InlineData(null, "2030-01-01", "DatasetException: the selection matches no problem in ")]
    public async Task A_start_Ingest_refuses_marks_the_run_failed_with_the_reason(string? platform, string? startDate, string reason)
    {
        var run = Guid.NewGuid();
        await pipeline!.Services.GetRequiredService<IBus>().Publish(new StartEvaluation
        {
            RunId = run, Model = Model, BaseUrl = replay!.BaseUrl,
            Selection = Selection with
            {
                Platforms = platform is null ? [] : [platform], StartDate = startDate is null ? null : DateOnly.Parse(startDate),
            },
        });
        var store = pipeline.Services.GetRequiredService<IRunStore>();
        Assert.Equal(ExitCodes.RunFailed, await EvalCommand.FollowAsync(store, run, Plain(new StringWriter()), CancellationToken.None).WaitAsync(Patience));
        var failed = await store.GetFailedStartAsync(run);
        Assert.StartsWith(reason, failed!.Reason);
        Assert.Equal((Model, replay.BaseUrl), (failed.Model, failed.BaseUrl));
    }

    private static IAnsiConsole Plain(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No,
    });

    public async Task InitializeAsync()
    {
        virtualHost = await RabbitBroker.Shared.CreateVirtualHostAsync($"test-faults-{id}");
        replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [LcbTestData.Recording(Model)] },
        });
        pipeline = InProcessPipeline.Build(LcbTestData.ProblemsFile, new Dictionary<string, string?>(InProcessOnServers.Settings(VirtualHost, KeyPrefix))
        {
            // Short retries, so the failing problems are parked in seconds: one HTTP retry, then one message retry.
            ["ModelServer:MaxRetryAttempts"] = "1",
            ["ModelServer:RetryBaseDelay"] = "00:00:00.050",
            ["Retry:ModelServer:Exponential"] = "1",
            ["Retry:ModelServer:MinInterval"] = "00:00:00.200",
        });
        await pipeline.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (pipeline is not null)
        {
            await pipeline.StopAsync();
            await TestKeys.DeleteAsync(pipeline.Services.GetRequiredService<IConnectionMultiplexer>(), KeyPrefix);
            pipeline.Dispose();
        }
        if (replay is not null)
        {
            await replay.DisposeAsync();
        }
        if (virtualHost is not null)
        {
            await virtualHost.DisposeAsync();
        }
    }

    private static async Task<long> GradedAsync(IRunStore store, Guid run) => (await store.GetCountsAsync(run)).Values.Sum(c => (long)c.Samples);
}
