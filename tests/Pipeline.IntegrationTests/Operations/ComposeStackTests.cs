using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Pipeline.Cli.Commands;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.IntegrationTests.Grading;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using Spectre.Console;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Operations;

/// <summary>
/// docker-compose.yml brought up from images built here (scripts/build-images.sh): two Executors grading in sibling
/// sandbox containers, the API host, and `lcb eval` run against it with the recorded model served from this host.
/// The verdicts are the official runner's, the Executors' Prometheus endpoints count what they graded and the API
/// reports the run. Runs alone (graded timing must not share the cores with the parallel tests).
/// </summary>
[Collection(VerdictParityCollection.Name)]
public sealed class ComposeStackTests(ITestOutputHelper log)
{
    private const string Model = "qwen2.5-7b-instruct";
    private const int Problems = 6;
    private static readonly string[] Services = ["rabbitmq", "redis", "ingest", "generator", "executor", "scorer", "api"];

    [Fact]
    public async Task The_composed_stack_with_two_executors_evaluates_problems_with_the_official_verdicts()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        log.WriteLine(await ComposeProject.BuildImagesAsync(timeout.Token));
        var clock = Stopwatch.StartNew();

        await using var project = ComposeProject.Create(LcbTestData.Folder);
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Address = IPAddress.Any,
            Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [LcbTestData.Recording(Model)] },
        });
        clock.Restart();
        await project.CheckedAsync(timeout.Token, ["up", "-d", "--scale", "executor=2", .. Services]);
        await WaitForConsumersAsync(project, timeout.Token);
        log.WriteLine($"stack up with every consumer bound in {clock.Elapsed.TotalSeconds:F0} s");

        clock.Restart();
        using var redis = await ConnectionMultiplexer.ConnectAsync($"localhost:{project.RedisPort}");
        var store = new RedisRunStore(redis, new RedisKeys());
        var start = new StartEvaluation
        {
            RunId = Guid.NewGuid(),
            Model = Model,
            BaseUrl = $"http://host.docker.internal:{new Uri(replay.BaseUrl).Port}",
            Selection = new DatasetSelection { Release = "release_latest", Limit = Problems },
            Sampling = new SamplingSettings { N = 1 },
            Ks = [1],
        };
        var bus = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Host"] = "localhost", ["Bus:Port"] = project.RabbitMqPort.ToString(),
        }).Build();
        var console = new StringWriter();
        int exitCode;
        try
        {
            exitCode = await EvalCommand.ExecuteAsync(start, bus, store, Plain(console), timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the run did not complete in time\n{console}\n{await project.LogsAsync()}");
            throw;
        }
        log.WriteLine($"{Problems} problems evaluated through the stack in {clock.Elapsed.TotalSeconds:F0} s");
        Assert.True(exitCode == 0, $"{console}\n{await project.LogsAsync()}");

        var verdicts = await store.GetVerdictsAsync(start.RunId);
        Assert.Equal(Problems, verdicts.Select(v => v.ProblemId).Distinct().Count());
        Assert.Equal(Problems, verdicts.Count);
        var official = LcbTestData.OfficialVerdicts(Model).Where(s => s.SampleIndex == 0).ToDictionary(s => s.QuestionId);
        Assert.All(verdicts, v => Assert.True(official[v.ProblemId].Results.SequenceEqual(v.Results),
            $"{v.ProblemId}: official [{string.Join(",", official[v.ProblemId].Results)}], ours [{string.Join(",", v.Results)}]"));

        var graded = 0.0;
        foreach (var index in new[] { "1", "2" })
        {
            var address = (await project.CheckedAsync(timeout.Token, "port", "--index", index, "executor", "9464")).Trim();
            using var http = new HttpClient();
            graded += GradedTotal(await http.GetStringAsync($"http://{address.Replace("0.0.0.0", "localhost")}/metrics", timeout.Token));
        }
        Assert.Equal(Problems, graded);

        using var api = new HttpClient { BaseAddress = new Uri($"http://localhost:{project.ApiPort}/") };
        var run = await api.GetAsync($"evaluations/{start.RunId}", timeout.Token);
        Assert.True(run.IsSuccessStatusCode, $"{run.StatusCode}: {await run.Content.ReadAsStringAsync()}\n{await project.LogsAsync()}");
        Assert.Contains(start.RunId.ToString(), await run.Content.ReadAsStringAsync());
    }

    /// <summary>Until every service's queue has its consumers (two on the Executors'); a command published earlier would be dropped.</summary>
    private static async Task WaitForConsumersAsync(ComposeProject project, CancellationToken cancellationToken)
    {
        var expected = new Dictionary<string, int>
        {
            ["start-evaluation"] = 1, ["generate-solutions"] = 1, ["solution-generated"] = 2, ["evaluation-started"] = 1, ["solution-graded"] = 1,
        };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var listing = "";
        while (DateTime.UtcNow < deadline)
        {
            var queues = await project.RunAsync(cancellationToken,
                "exec", "-T", "rabbitmq", "/usr/lib/rabbitmq/bin/rabbitmqctl", "list_queues", "-q", "--no-table-headers", "name", "consumers");
            listing = queues.Output;
            var consumers = Regex.Matches(listing, @"^(\S+)\s+(\d+)\s*$", RegexOptions.Multiline)
                .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
            if (expected.All(e => consumers.GetValueOrDefault(e.Key) >= e.Value))
            {
                return;
            }
            await Task.Delay(1000, cancellationToken);
        }
        Assert.Fail($"consumers not bound in time:\n{listing}\n{await project.LogsAsync()}");
    }

    private static double GradedTotal(string scrape) =>
        Regex.Matches(scrape, @"^pipeline_samples_graded_total(?:\{[^}]*\})? (\S+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static IAnsiConsole Plain(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
    });
}
