using Pipeline.Evaluations;
using Pipeline.Evaluations.Watching;
using Pipeline.Cli.Commands;
using Pipeline.Replay.Faults;
using Spectre.Console;

namespace Pipeline.IntegrationTests.Api;

/// <summary>`lcb watch` in the foreground over the replay server, on real RabbitMQ and Redis: it prints each run it starts and stops when cancelled.</summary>
public sealed class WatchCommandTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Lcb_watch_prints_each_run_it_starts_until_cancelled()
    {
        var recording = LcbTestData.Recording("qwen2.5-7b-instruct");
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { ["ckpt-1"] = [recording] },
            Faults = new FaultOptions(),
        });
        await using var servers = await ApiServers.StartAsync();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        var settings = new WatchSettings
        {
            BaseUrl = replay.BaseUrl + "/v1", Interval = TimeSpan.FromMilliseconds(100), Template = new RunOptions { N = 1 }.ToTemplate(),
        };
        using var stop = new CancellationTokenSource();

        var watching = WatchCommand.ExecuteAsync(settings, servers.Configuration(), console, stop.Token);
        await Wait.UntilAsync(() => Task.FromResult(servers.Started.Count), n => n == 1, Within, "the first run");
        replay.Models.Add("ckpt-2", [recording]);
        await Wait.UntilAsync(() => Task.FromResult(servers.Started.Count), n => n == 2, Within, "the second run");
        // Started on the bus is not yet printed: the watcher prints once the poll is over (cancelling earlier may cut it).
        await Wait.UntilAsync(() => Task.FromResult(output.ToString()), text => servers.Started.All(s => text.Contains($"run {s.RunId}")), Within, "both runs printed");
        stop.Cancel();

        Assert.Equal(0, await watching.WaitAsync(Within));
        var printed = output.ToString();
        Assert.All(servers.Started, start => Assert.Contains($"run {start.RunId}: {start.Model}, release_latest, n=1", printed));
    }
}
