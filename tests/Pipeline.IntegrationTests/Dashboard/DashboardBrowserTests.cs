using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Pipeline.Cli.Commands;
using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Evaluations;
using Pipeline.Evaluations.Http;
using Pipeline.Generation.ModelClient;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Pipeline.Replay.Faults;
using Pipeline.Runs.Published;
using Pipeline.Runs.Views;
using Spectre.Console;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard as a person uses it: Debian's Chromium (headless, through Playwright) on the real API, after real runs
/// of the in-process pipeline on real RabbitMQ, Redis and sandbox. Two checkpoints (two bundled recordings) are run;
/// the second is watched live. Screenshots go to .artifacts/screenshots.
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class DashboardBrowserTests(ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly DatasetSelection Selection = new() { Release = "release_latest", Limit = 8 };
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private static readonly string Screenshots = Repository.File(".artifacts", "screenshots");

    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private RabbitVirtualHost? _broker;
    private Pipeline.Replay.ReplayServer? _replay;
    private IHost? _pipeline;
    private WebApplication? _api;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _problemsFile;

    private string KeyPrefix => $"test-dashboard-{_id}:";
    private string Url => _api!.Urls.First();

    [Fact]
    public async Task Checkpoints_runs_problems_compare_live_progress_and_the_offline_report_show_the_stored_results()
    {
        var store = _pipeline!.Services.GetRequiredService<IRunStore>();
        var first = await StartAsync("ckpt-100");
        await Wait.UntilAsync(async () => await store.GetReportAsync(first) is not null, Patience, "ckpt-100 to complete");

        // The live page: ckpt-200 streams one answer at a time, each 3 s late, and its graded count on the runs
        // table must take at least two values without a reload. The page is loaded once before, so the reload that
        // shows the new run is quick (its scripts cached) even on a loaded machine.
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(Url);
        await page.Locator($"tr[data-run='{first}']").WaitForAsync();
        _replay!.Faults.Set(new FaultOptions { LatencyMs = 3000 });
        var second = await StartAsync("ckpt-200");
        await Wait.UntilAsync(async () => await store.GetRunAsync(second) is not null, Patience, "ckpt-200 registered");
        await page.ReloadAsync();
        var progress = page.Locator($"tr[data-run='{second}'] [data-testid=progress]");
        await progress.WaitForAsync();
        var seen = new List<string>();
        await Wait.UntilAsync(async () =>
        {
            var now = await progress.InnerTextAsync();
            if (seen.Count == 0 || seen[^1] != now) { seen.Add(now); }
            return seen.Count >= 2;
        }, Patience, "the progress cell to change while the run streams (seen: " + string.Join(", ", seen) + ")");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "runs-live.png"), FullPage = true });
        await Wait.UntilAsync(async () => await store.GetReportAsync(second) is not null, Patience, "ckpt-200 to complete");
        _replay.Faults.Set(new FaultOptions());
        log.WriteLine($"progress values seen live: {string.Join(", ", seen)}");

        // Checkpoints: one point per checkpoint, at the stored pass@1.
        await page.GotoAsync($"{Url}/#/?pattern={Uri.EscapeDataString("ckpt-(\\d+)")}");
        await page.Locator("[data-testid=checkpoints-chart]").WaitForAsync();
        var plotted = await page.EvaluateAsync<double[]>("() => window.dashboardCharts.checkpoints.data.datasets[0].data");
        var expected = new[] { first, second }.Select(r => 100 * store.GetReportAsync(r).Result!.Overall.PassAtK["pass@1"]).ToArray();
        Assert.Equal(expected.Length, plotted.Length);
        Assert.All(expected.Zip(plotted), p => Assert.Equal(p.First, p.Second, 9));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "checkpoints.png"), FullPage = true });

        // The runs table shows each completed run's stored pass@1.
        await page.GotoAsync(Url);
        await Assertions.Expect(page.Locator($"tr[data-run='{first}'] td").Nth(5)).ToHaveTextAsync($"{expected[0]:F1}");

        // The run page's numbers are `lcb results --json`'s, the published score's line included.
        await _api!.Services.GetRequiredService<IPublishedScoreStore>().SetAsync(
            new PublishedScore { Model = "ckpt-100", Scenario = "codegeneration", Score = 20, Reference = 10, Tolerance = 100 });
        await page.GotoAsync($"{Url}/#/run/{first}");
        var headline = await page.Locator("[data-testid=headline]").InnerTextAsync();
        var results = await ResultsJsonAsync(store, first);
        Assert.StartsWith($"pass@1 {(100 * results.GetProperty("overall").GetProperty("passAtK").GetProperty("pass@1").GetDouble()):F1}%", headline);
        foreach (var group in results.GetProperty("groups").EnumerateArray())
        {
            var cell = page.Locator($"[data-testid=scores] tr[data-group='{group.GetProperty("group").GetString()}'] td[data-k='pass@1']");
            Assert.Equal($"{100 * group.GetProperty("passAtK").GetProperty("pass@1").GetDouble():F1}", await cell.InnerTextAsync());
        }
        var published = results.GetProperty("published");
        Assert.Equal(
            $"measured {published.GetProperty("measured").GetDouble():F1}% · published 20.0% · reference 10.0% · {published.GetProperty("difference").GetDouble():+0.0;-0.0;+0.0} points, within ±100.0",
            await page.Locator("[data-testid=published]").InnerTextAsync());
        await page.Locator("[data-testid=problems] tbody tr").First.WaitForAsync();
        // Generation statistics come from the totals the Scorer kept while recording: they are the stored samples' own.
        var fromSamples = GenerationStatistics.Of(await store.GetVerdictsAsync(first));
        var generation = page.Locator("[data-testid=generation] td");
        Assert.Equal($"{fromSamples.Samples}", await generation.Nth(0).InnerTextAsync());
        Assert.Equal($"{fromSamples.MeanLatencyMs:F0} / {fromSamples.P95LatencyMs:F0} ms", await generation.Nth(3).InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "run.png"), FullPage = true });

        // A problem opens to its samples and per-test verdicts, as stored.
        var problemId = (await store.GetRunAsync(first))!.Problems[0].ProblemId;
        await page.Locator($"[data-testid=problems] tr[data-problem='{problemId}'] a").ClickAsync();
        await page.Locator("[data-testid=verdicts]").First.WaitForAsync();
        var stored = (await store.GetProblemVerdictsAsync(first, problemId, 1))[0];
        Assert.Equal(stored.Results.Count, await page.Locator("[data-testid=verdicts]").First.Locator("span").CountAsync());
        Assert.Equal(stored.Results.Count(r => r == 1), await page.Locator("[data-testid=verdicts]").First.Locator("span.ok").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "problem.png"), FullPage = true });

        // Compare lists the problems that flipped, as computed from the stored counts.
        await page.GotoAsync($"{Url}/#/compare?a={first}&b={second}");
        await page.Locator("[data-testid=comparison]").WaitForAsync();
        var flipped = FlippedProblems.Between(await ScoredAsync(store, first), await ScoredAsync(store, second));
        Assert.Equal(flipped.Gained, await page.Locator("[data-testid=gained] li").AllInnerTextsAsync());
        Assert.Equal(flipped.Lost, await page.Locator("[data-testid=lost] li").AllInnerTextsAsync());
        Assert.NotEmpty(flipped.Gained.Concat(flipped.Lost));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "compare.png"), FullPage = true });

        // The report file opens with no network request at all.
        var file = Path.Combine(Path.GetTempPath(), $"report-{_id}.html");
        using (var http = new HttpClient())
        {
            await File.WriteAllTextAsync(file, await http.GetStringAsync($"{Url}/evaluations/{first}/report.html"));
        }
        var offline = await _browser.NewPageAsync();
        var requests = new List<string>();
        await offline.RouteAsync("**/*", async route =>
        {
            if (!route.Request.Url.StartsWith("file:", StringComparison.Ordinal)) { requests.Add(route.Request.Url); await route.AbortAsync(); }
            else { await route.ContinueAsync(); }
        });
        await offline.GotoAsync(new Uri(file).AbsoluteUri);
        await offline.Locator("[data-testid=problems] tbody tr").First.WaitForAsync();
        Assert.StartsWith(headline[..12], await offline.Locator("[data-testid=headline]").InnerTextAsync());
        Assert.Empty(requests);
        await offline.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "report.png"), FullPage = true });
        File.Delete(file);

        // Bad input: a clear line, never a stack trace. Each address only changes the hash, so the page re-renders in
        // place: Expect waits for the new text instead of reading the previous page's.
        using var client = new HttpClient { BaseAddress = new Uri(Url) };
        Assert.Equal(400, (int)(await client.GetAsync("/api/runs/not-a-run/summary")).StatusCode);
        Assert.Equal(404, (int)(await client.GetAsync($"/api/runs/{Guid.NewGuid()}/summary")).StatusCode);
        await page.GotoAsync($"{Url}/#/run/not-a-run");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("is not a run id");
        await page.GotoAsync($"{Url}/#/run/{Guid.NewGuid()}");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("no run");

        // A run still queued (requested, not yet registered by the Scorer): 409 and a page that says so.
        var queued = Guid.NewGuid();
        await _api!.Services.GetRequiredService<IEvaluationLedger>().TryRecordAsync(new RequestedEvaluation
        {
            Start = new StartEvaluation { RunId = queued, Model = "ckpt-300", BaseUrl = _replay!.BaseUrl, Selection = Selection },
            Source = "api", RequestedAt = DateTimeOffset.UtcNow,
        }, claim: null);
        Assert.Equal(409, (int)(await client.GetAsync($"/api/runs/{queued}/summary")).StatusCode);
        await page.GotoAsync($"{Url}/#/run/{queued}");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("is queued");

        // A run whose problems were deleted from the problem store still opens, its samples without the prompt.
        var redis = _pipeline.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var keys = new RedisKeys(KeyPrefix);
        foreach (var problem in (await store.GetRunAsync(first))!.Problems)
        {
            await redis.KeyDeleteAsync(keys.Problem(problem.ProblemId));
        }
        Assert.Equal(200, (int)(await client.GetAsync($"/api/runs/{first}/summary")).StatusCode);
        await page.GotoAsync($"{Url}/#/run/{first}/problem/{Uri.EscapeDataString(problemId)}");
        await Assertions.Expect(page.Locator("[data-testid=prompt]")).ToContainTextAsync("no longer in the problem store");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "problem-deleted.png"), FullPage = true });
    }

    private async Task<Guid> StartAsync(string model)
    {
        var run = Guid.NewGuid();
        await _pipeline!.Services.GetRequiredService<IBus>().Publish(new StartEvaluation
        {
            RunId = run, Model = model, BaseUrl = _replay!.BaseUrl, Selection = Selection, Sampling = new SamplingSettings { N = 1 }, Ks = [1],
        });
        return run;
    }

    private async Task<JsonElement> ResultsJsonAsync(IRunStore store, Guid run)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        await ResultsCommand.ExecuteAsync(store, _api!.Services.GetRequiredService<PublishedScores>(), console, run.ToString(), Breakdown.Difficulty, DateWindow.All, json: true, CancellationToken.None);
        return JsonDocument.Parse(output.ToString()).RootElement;
    }

    private static async Task<IReadOnlyList<ScoredProblem>> ScoredAsync(IRunStore store, Guid run) =>
        RunScores.Problems((await store.GetRunAsync(run))!, await store.GetCountsAsync(run), DateWindow.All, completeOnly: true);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        _broker = await RabbitBroker.Shared.CreateVirtualHostAsync($"test-dashboard-{_id}");
        _replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>>
            {
                ["ckpt-100"] = [LcbTestData.Recording("qwen2.5-7b-instruct")],
                ["ckpt-200"] = [LcbTestData.Recording("o1-mini")],
            },
        });
        // Only problems both recordings answer: the replay server refuses the others, and a run of them would never finish.
        var answeredByQwen = Recording.Read(LcbTestData.Recording("qwen2.5-7b-instruct")).AnsweredProblemsFile(LcbTestData.ProblemsFile);
        _problemsFile = Recording.Read(LcbTestData.Recording("o1-mini")).AnsweredProblemsFile(answeredByQwen);
        File.Delete(answeredByQwen);
        // One request at a time, so a run with answer latency streams its samples one by one.
        var settings = new Dictionary<string, string?>(InProcessOnServers.Settings(_broker.Name, KeyPrefix))
        {
            [$"{ModelServerOptions.Section}:{nameof(ModelServerOptions.MaxConcurrentRequestsPerServer)}"] = "1",
        };
        _pipeline = InProcessPipeline.Build(_problemsFile, settings);
        await _pipeline.StartAsync();
        _api = ApiHost.Build([], new Dictionary<string, string?>(Servers.Settings(KeyPrefix, _broker.Name)) { ["Urls"] = "http://127.0.0.1:0" });
        await _api.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) { await _browser.DisposeAsync(); }
        _playwright?.Dispose();
        if (_api is not null) { await _api.StopAsync(); await _api.DisposeAsync(); }
        if (_pipeline is not null)
        {
            await _pipeline.StopAsync();
            await TestKeys.DeleteAsync(_pipeline.Services.GetRequiredService<IConnectionMultiplexer>(), KeyPrefix);
            _pipeline.Dispose();
        }
        if (_replay is not null) { await _replay.DisposeAsync(); }
        if (_broker is not null) { await _broker.DisposeAsync(); }
        if (_problemsFile is not null) { File.Delete(_problemsFile); }
    }
}
