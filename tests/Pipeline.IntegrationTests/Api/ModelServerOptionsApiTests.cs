using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Api;

/// <summary>
/// A run's own model-server options through POST /evaluations and the API's watcher (section Watch) on Kestrel, RabbitMQ
/// and Redis: the key, request timeout and extra body travel in StartEvaluation to Ingest, and the key is never shown
/// (status, list) nor kept in Redis.
/// </summary>
public sealed class ModelServerOptionsApiTests
{
    private const string Secret = "sk-secret-7f3a9";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Key_timeout_and_extra_body_reach_the_start_and_the_key_is_never_shown_or_stored()
    {
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { ["ckpt-w"] = [LcbTestData.Recording("qwen2.5-7b-instruct")] },
        });
        await using var servers = await ApiServers.StartAsync();
        var (_, http) = await servers.StartApiAsync();
        await servers.StartApiAsync(new Dictionary<string, string>
        {
            ["BaseUrl"] = replay.BaseUrl + "/v1", ["Interval"] = "100ms", ["N"] = "1", ["Limit"] = "2",
            ["ApiKey"] = Secret, ["RequestTimeout"] = "600", ["ExtraBody"] = """{"reasoning_effort": "low"}""",
        });

        var posted = await http.PostAsJsonAsync("/evaluations", new
        {
            model = "ckpt-r", baseUrl = "http://127.0.0.1:9/v1", skipModelCheck = true, n = 1, limit = 2,
            apiKey = Secret, requestTimeout = 900, extraBody = new { reasoning_effort = "high", chat_template_kwargs = new { enable_thinking = true } },
        });
        var refused = await http.PostAsJsonAsync("/evaluations", new
        {
            model = "ckpt-r", baseUrl = "http://127.0.0.1:9/v1", skipModelCheck = true, requestTimeout = -1, extraBody = new { n = 3 },
        });

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var runId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        var start = await Wait.UntilAsync(() => Task.FromResult(servers.Started.FirstOrDefault(s => s.RunId == runId)), s => s is not null, Within, "StartEvaluation");
        var watched = await Wait.UntilAsync(
            () => Task.FromResult(servers.Started.FirstOrDefault(s => s.Model == "ckpt-w")), s => s is not null, Within, "the watcher's StartEvaluation");
        Assert.Equal((Secret, 600.0, "low"), (watched!.ModelServer.ApiKey, watched.ModelServer.RequestTimeoutSeconds, watched.ModelServer.ExtraBody["reasoning_effort"].GetString()));
        Assert.DoesNotContain(Secret, await http.GetStringAsync($"/evaluations/{watched.RunId}"));
        Assert.Equal((Secret, 900.0), (start!.ModelServer.ApiKey, start.ModelServer.RequestTimeoutSeconds));
        Assert.Equal("high", start.ModelServer.ExtraBody["reasoning_effort"].GetString());
        Assert.True(start.ModelServer.ExtraBody["chat_template_kwargs"].GetProperty("enable_thinking").GetBoolean());
        Assert.DoesNotContain(Secret, await http.GetStringAsync($"/evaluations/{runId}"));
        Assert.DoesNotContain(Secret, await http.GetStringAsync("/evaluations"));
        Assert.DoesNotContain(Secret, await StoredTextAsync(servers.KeyPrefix));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["extraBody", "requestTimeout"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("may not set n", errors.GetProperty("extraBody")[0].GetString());
    }

    /// <summary>Every value stored under the test's Redis prefix, as text.</summary>
    private static async Task<string> StoredTextAsync(string prefix)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
        var database = redis.GetDatabase();
        var text = new System.Text.StringBuilder();
        foreach (var key in redis.GetServers()[0].Keys(pattern: prefix + "*"))
        {
            text.AppendLine(key.ToString());
            IEnumerable<string?> values = (await database.KeyTypeAsync(key)) switch
            {
                RedisType.String => [(string?)await database.StringGetAsync(key)],
                RedisType.Hash => (await database.HashGetAllAsync(key)).Select(e => (string?)$"{e.Name}={e.Value}"),
                RedisType.SortedSet => (await database.SortedSetRangeByRankAsync(key)).Select(v => (string?)v),
                RedisType.Set => (await database.SetMembersAsync(key)).Select(v => (string?)v),
                RedisType.List => (await database.ListRangeAsync(key)).Select(v => (string?)v),
                _ => [],
            };
            foreach (var value in values)
            {
                text.AppendLine(value);
            }
        }
        Assert.NotEqual(0, text.Length);
        return text.ToString();
    }
}
