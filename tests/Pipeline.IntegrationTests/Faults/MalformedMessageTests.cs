using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Cli.Commands;
using Pipeline.Cli.Errors;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Hosting;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.IntegrationTests.Scorer;
using Pipeline.Runs;
using Spectre.Console;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Faults;

/// <summary>
/// Fault 6: malformed messages reach the Scorer on real RabbitMQ and Redis (its own virtual host, production queue
/// names). Each is parked at once in its _error queue with a reason saying what is wrong, `lcb errors` shows it,
/// and the consumer goes on with the next message; a start parked for a missing problem completes its run once replayed.
/// </summary>
public sealed class MalformedMessageTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int SamplesPerProblem = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string id = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentQueue<EvaluationCompleted> completions = new();
    private readonly InMemoryProblemStore problems = new();
    private RabbitVirtualHost? virtualHost;
    private IHost? host;

    private string KeyPrefix => $"test-faults-{id}:";

    private string VirtualHost => virtualHost!.Name;

    [Fact]
    public async Task Bad_json_and_an_inconsistent_start_are_parked_with_their_reason_and_the_next_run_completes()
    {
        foreach (var problem in ScorerProblems.All)
        {
            await problems.PutAsync(problem);
        }
        var clock = Stopwatch.StartNew();
        var bus = host!.Services.GetRequiredService<IBus>();
        await virtualHost!.PublishRawAsync("solution-graded", Encoding.UTF8.GetBytes("{\"message\": {\"runId\": "), "application/vnd.masstransit+json");
        var empty = Guid.NewGuid();
        await bus.Publish(ScorerProblems.Started(empty, SamplesPerProblem) with { ProblemIds = [] });
        var good = Guid.NewGuid();
        await bus.Publish(ScorerProblems.Started(good, SamplesPerProblem));
        foreach (var graded in ScorerProblems.AllGraded(good, SamplesPerProblem))
        {
            await bus.Publish(graded);
        }

        await WaitForAsync(() => completions.Any(c => c.RunId == good), "the good run to complete after the malformed messages");
        var parked = await virtualHost!.WaitForParkedAsync(p => p.Count >= 2, Patience);
        log.WriteLine($"parked and good run completed after {clock.Elapsed.TotalSeconds:F1} s: {string.Join("; ", parked)}");

        Assert.Equal(2, parked.Count);
        var badJson = Assert.Single(parked, p => p.Queue == "solution-graded");
        Assert.Null(badJson.RunId);
        Assert.Contains("[body is not a JSON envelope]", badJson.Reason);
        var inconsistent = Assert.Single(parked, p => p.Queue == "evaluation-started");
        Assert.Equal(empty, inconsistent.RunId);
        Assert.Equal($"InvalidDataException: run {empty}: EvaluationStarted lists no problems", inconsistent.Reason);
        Assert.Equal(0, inconsistent.Retries);
        Assert.Equal(ScorerProblems.All.Count * SamplesPerProblem, Assert.Single(completions).Samples);

        // Listing puts everything back: a second look sees the same messages in the same order.
        Assert.Equal(parked, await virtualHost!.ParkedAsync());
        var table = new StringWriter();
        ErrorsCommand.Print(parked, json: false, PlainConsole(table));
        var lines = table.ToString().Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"wider than 80 columns: {line}"));
        var first = Array.FindIndex(lines, line => line.Contains("evaluation-started"));
        Assert.Equal(["evaluation-started", empty.ToString("N")[..8], "-", "-", "0", "1"],
            lines[first].Split('│').Select(cell => cell.Trim()).Where((_, column) => column is > 0 and < 8 and not 5));
        // The reason wraps within its column: the row's lines (the first, then those with no queue) hold it all.
        var reason = lines.Skip(first).TakeWhile((line, index) => index == 0 || (line.StartsWith('│') && line.Split('│')[1].Trim().Length == 0))
            .Select(line => line.Split('│')[5].Trim());
        Assert.Equal(inconsistent.Reason.Replace(" ", ""), string.Concat(reason).Replace(" ", ""));
        var json = new StringWriter();
        ErrorsCommand.Print(parked, json: true, PlainConsole(json));
        var rows = JsonSerializer.Deserialize<ParkedGroup[]>(json.ToString(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(ErrorsCommand.Group(parked), rows);
    }

    [Fact]
    public async Task A_start_parked_for_a_missing_problem_completes_its_run_when_replayed_after_the_problem_is_stored()
    {
        var late = ScorerProblems.All[^1];
        foreach (var problem in ScorerProblems.All.SkipLast(1))
        {
            await problems.PutAsync(problem);
        }
        var bus = host!.Services.GetRequiredService<IBus>();
        var run = Guid.NewGuid();
        await bus.Publish(ScorerProblems.Started(run, SamplesPerProblem));
        var graded = ScorerProblems.AllGraded(run, SamplesPerProblem);
        foreach (var verdict in graded)
        {
            await bus.Publish(verdict);
        }

        var parked = Assert.Single(await virtualHost!.WaitForParkedAsync(p => p.Count >= 1, Patience));
        Assert.Equal(("evaluation-started", run, 0), (parked.Queue, parked.RunId, parked.Retries));
        Assert.Equal($"ProblemNotFoundException: run {run}: problem '{late.QuestionId}' is not in the problem store; ingest it first", parked.Reason);
        // Verdicts of a run not registered yet are kept, not parked: they wait for the registration.
        var store = host.Services.GetRequiredService<IRunStore>();
        await Wait.UntilAsync(async () => (await store.GetVerdictsAsync(run)).Count == graded.Count, Patience, "every verdict to be kept");
        Assert.Empty(completions);

        await problems.PutAsync(late);
        var clock = Stopwatch.StartNew();
        await using (var queues = await ErrorQueues.ConnectAsync(virtualHost!.Factory(), CancellationToken.None))
        {
            var output = new StringWriter();
            await ReplayCommand.ExecuteAsync(queues, ErrorQueues.PipelineQueues, run.ToString(), PlainConsole(output), CancellationToken.None);
            Assert.Contains("evaluation-started: 1 moved back", output.ToString());
        }
        await WaitForAsync(() => completions.Any(c => c.RunId == run), "the replayed run to complete");
        log.WriteLine($"run completed {clock.Elapsed.TotalSeconds:F1} s after replay");

        var completed = Assert.Single(completions);
        Assert.Equal(graded.Count, completed.Samples);
        Assert.Equal(graded.Count, (await store.GetCountsAsync(run)).Values.Sum(c => c.Samples));
        Assert.Empty(await virtualHost!.ParkedAsync());
    }

    public async Task InitializeAsync()
    {
        virtualHost = await RabbitBroker.Shared.CreateVirtualHostAsync($"test-faults-{id}");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Servers.Settings(KeyPrefix, VirtualHost));
        builder.Services.AddSingleton(completions);
        builder.Services.AddSingleton<IProblemStore>(problems);
        builder.Services.AddScorer(builder.Configuration);
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
        {
            bus.AddScorerConsumers();
            bus.AddConsumer<CompletionProbe>();
        });
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            await TestKeys.DeleteAsync(host.Services.GetRequiredService<IConnectionMultiplexer>(), KeyPrefix);
            host.Dispose();
        }
        if (virtualHost is not null)
        {
            await virtualHost.DisposeAsync();
        }
    }

    private static IAnsiConsole PlainConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 80; // a terminal of 80 columns: the table must fit it
        return console;
    }

    private static Task WaitForAsync(Func<bool> condition, string what) => Wait.UntilAsync(condition, Patience, what);

    private sealed class CompletionProbe(ConcurrentQueue<EvaluationCompleted> completions) : IConsumer<EvaluationCompleted>
    {
        public Task Consume(ConsumeContext<EvaluationCompleted> context)
        {
            completions.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}
