using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.IntegrationTests.Infrastructure;

namespace Pipeline.IntegrationTests.Api;

/// <summary>
/// POST /evaluations checks before it starts anything (issue 15): the model server (the replay server) must answer and
/// list the model, and Ingest's real selection check (over RabbitMQ, on the bundled one-file dataset) must accept the
/// selection. Each refusal is a 400 naming each field; only the valid request is published.
/// </summary>
public sealed class StartChecksApiTests
{
    private const string Model = "ckpt-1";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_start_that_could_not_run_is_refused_with_each_field_named_and_nothing_is_published()
    {
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { [Model] = [LcbTestData.Recording("qwen2.5-7b-instruct")] },
        });
        await using var servers = await ApiServers.StartAsync();
        var (_, http) = await servers.StartApiAsync();
        var baseUrl = replay.BaseUrl + "/v1";

        var selection = await ErrorsAsync(http, new { model = Model, baseUrl, platforms = new[] { "topcoder" }, difficulties = new[] { "impossible" }, release = "release_v99" });
        var oneFile = await ErrorsAsync(http, new { model = Model, baseUrl, release = "release_v6" });
        var noDates = await ErrorsAsync(http, new { model = Model, baseUrl, startDate = "2030-01-01" });
        var together = await ErrorsAsync(http, new { model = Model, baseUrl, platforms = new[] { "codeforces" }, difficulties = new[] { "hard" } });
        var unlisted = await ErrorsAsync(http, new { model = "gpt-nope", baseUrl });
        var deadServer = await ErrorsAsync(http, new { model = Model, baseUrl = $"http://127.0.0.1:{FreePort.Next()}/v1" });
        var accepted = await http.PostAsJsonAsync("/evaluations", new { model = Model, baseUrl, platforms = new[] { "leetcode" }, n = 1 });

        Assert.Equal(["difficulties", "platforms", "release"], selection.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("unknown 'topcoder' (expected leetcode, codeforces, atcoder)", selection["platforms"]);
        Assert.StartsWith("release release_v6 cannot be selected from the one-file dataset 'problems.jsonl'", Assert.Single(oneFile, e => e.Key == "release").Value);
        Assert.Equal(
            "no problem of release release_latest falls between 2030-01-01 and its last date: its contest dates run from 2023-08-21 to 2025-04-06",
            noDates["startDate"]);
        Assert.Equal("selection", Assert.Single(together).Key);
        Assert.StartsWith($"model 'gpt-nope' is not listed by {replay.BaseUrl}/v1/models", unlisted["model"]);
        Assert.Contains("does not answer", deadServer["baseUrl"]);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(125, body.GetProperty("problems").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("warning").ValueKind);
        var start = await Wait.UntilAsync(() => Task.FromResult(servers.Started.FirstOrDefault()), s => s is not null, Within, "the accepted start");
        Assert.Equal(body.GetProperty("runId").GetGuid(), start!.RunId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(servers.Started);
    }

    /// <summary>Posts a request that must be refused; its errors, one reason per field.</summary>
    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpClient http, object request)
    {
        var response = await http.PostAsJsonAsync("/evaluations", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("nothing was started", body.GetProperty("detail").GetString());
        return body.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()!);
    }
}
