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
/// and the consumer goes on with the next message.
/// </summary>
public sealed class MalformedMessageTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int SamplesPerProblem = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentQueue<EvaluationCompleted> _completions = new();
    private RabbitVirtualHost? _virtualHost;
    private IHost? _host;

    private string KeyPrefix => $"test-faults-{_id}:";

    private string VirtualHost => _virtualHost!.Name;

    [Fact]
    public async Task Bad_json_and_an_inconsistent_start_are_parked_with_their_reason_and_the_next_run_completes()
    {
        var clock = Stopwatch.StartNew();
        var bus = _host!.Services.GetRequiredService<IBus>();
        await _virtualHost!.PublishRawAsync("solutions-graded", Encoding.UTF8.GetBytes("{\"message\": {\"runId\": "), "application/vnd.masstransit+json");
        var empty = Guid.NewGuid();
        await bus.Publish(ScorerProblems.Started(empty, SamplesPerProblem) with { Problems = [] });
        var good = Guid.NewGuid();
        await bus.Publish(ScorerProblems.Started(good, SamplesPerProblem));
        foreach (var message in VerdictMessages.Of(ScorerProblems.AllGraded(good, SamplesPerProblem)))
        {
            await bus.Publish(message);
        }

        await WaitForAsync(() => _completions.Any(c => c.RunId == good), "the good run to complete after the malformed messages");
        var parked = await _virtualHost!.WaitForParkedAsync(p => p.Count >= 2, Patience);
        log.WriteLine($"parked and good run completed after {clock.Elapsed.TotalSeconds:F1} s: {string.Join("; ", parked)}");

        Assert.Equal(2, parked.Count);
        var badJson = Assert.Single(parked, p => p.Queue == "solutions-graded");
        Assert.Null(badJson.RunId);
        Assert.Contains("[body is not a JSON envelope]", badJson.Reason);
        var inconsistent = Assert.Single(parked, p => p.Queue == "evaluation-started");
        Assert.Equal(empty, inconsistent.RunId);
        Assert.Equal($"InvalidDataException: run {empty}: EvaluationStarted lists no problems", inconsistent.Reason);
        Assert.Equal(0, inconsistent.Retries);
        Assert.Equal(ScorerProblems.All.Count * SamplesPerProblem, Assert.Single(_completions).Samples);

        // Listing puts everything back: a second look sees the same messages in the same order.
        Assert.Equal(parked, await _virtualHost!.ParkedAsync());
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

    public async Task InitializeAsync()
    {
        _virtualHost = await RabbitBroker.Shared.CreateVirtualHostAsync($"test-faults-{_id}");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Servers.Settings(KeyPrefix, VirtualHost));
        builder.Services.AddSingleton(_completions);
        builder.Services.AddScorer(builder.Configuration);
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
        {
            bus.AddScorerConsumers();
            bus.AddConsumer<CompletionProbe>();
        });
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await TestKeys.DeleteAsync(_host.Services.GetRequiredService<IConnectionMultiplexer>(), KeyPrefix);
            _host.Dispose();
        }
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
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
