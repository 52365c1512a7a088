using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Replay.Faults;

namespace Pipeline.IntegrationTests.Api;

/// <summary>
/// The watcher inside API hosts, over the replay model server, on real RabbitMQ and Redis: every new checkpoint gets
/// exactly one StartEvaluation, also with two watchers at once and across a restart; filtered ids never get one.
/// </summary>
public sealed class CheckpointWatcherTests
{
    private const string Recorded = "qwen2.5-7b-instruct";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_watchers_and_a_restart_start_each_new_checkpoint_exactly_once()
    {
        var recording = LcbTestData.Recording(Recorded);
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { ["ckpt-1000"] = [recording], ["reward-model"] = [recording] },
            Faults = new FaultOptions(),
        });
        await using var servers = await ApiServers.StartAsync();
        var watch = new Dictionary<string, string>
        {
            ["BaseUrl"] = replay.BaseUrl + "/v1", ["Interval"] = "100ms", ["Match"] = "^ckpt-", ["StartDate"] = "2024-01-01", ["N"] = "1", ["K:0"] = "1",
        };
        var (first, _) = await servers.StartApiAsync(watch);
        var (second, _) = await servers.StartApiAsync(watch);

        await StartedAsync(servers, "ckpt-1000");
        replay.Models.Add("ckpt-2000", [recording]);
        await StartedAsync(servers, "ckpt-2000");
        // Both watchers poll every 100 ms: give them many more polls in which to (wrongly) start a model again.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await servers.StopApiAsync(first);
        await servers.StopApiAsync(second);
        await servers.StartApiAsync(watch);
        replay.Models.Add("ckpt-3000", [recording]);
        await StartedAsync(servers, "ckpt-3000");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var started = servers.Started.ToList();
        Assert.Equal(["ckpt-1000", "ckpt-2000", "ckpt-3000"], started.Select(s => s.Model).Order(StringComparer.Ordinal));
        Assert.All(started, s => Assert.Equal((replay.BaseUrl + "/v1", new DateOnly(2024, 1, 1), 1), (s.BaseUrl, s.Selection.StartDate, s.Sampling.N)));
        Assert.All(started, s => Assert.Equal([1], s.Ks));

        // The first host is gone; what it started is still listed (queued: no Ingest or Scorer here), by whoever asks.
        var (_, http) = await servers.StartApiAsync();
        var list = await http.GetFromJsonAsync<JsonElement>("/evaluations");
        Assert.Equal(
            started.Select(s => s.RunId).Order(),
            list.EnumerateArray().Where(e => e.GetProperty("source").GetString() == "watch").Select(e => e.GetProperty("runId").GetGuid()).Order());
    }

    private static Task StartedAsync(ApiServers servers, string model) =>
        Wait.UntilAsync(() => Task.FromResult(servers.Started.Count(s => s.Model == model)), n => n > 0, Within, $"a run of {model}");
}
