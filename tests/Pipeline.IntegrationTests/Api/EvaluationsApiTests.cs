using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.IntegrationTests.Scorer;
using Pipeline.Runs.Scoring;

namespace Pipeline.IntegrationTests.Api;

/// <summary>
/// The API host on a real Kestrel port, RabbitMQ (own virtual host) and Redis (own prefix). The real Scorer consumers run
/// in a probe host of the test, fed EvaluationStarted and SolutionsGraded as Ingest and the Executors would send them.
/// </summary>
public sealed class EvaluationsApiTests
{
    private const int SamplesPerProblem = 2;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Post_starts_a_run_that_shows_queued_then_its_progress_then_its_report()
    {
        await using var servers = await ApiServers.StartAsync();
        var (_, http) = await servers.StartApiAsync();

        var posted = await http.PostAsJsonAsync("/evaluations", new
        {
            model = "ckpt-a", baseUrl = "http://127.0.0.1:9/v1", skipModelCheck = true, release = "release_latest", startDate = "2024-08-01",
            n = SamplesPerProblem, temperature = 0.0, maxTokens = 512, k = new[] { 1, 2 }, timeout = 3.0,
        });

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var runId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        Assert.Equal($"/evaluations/{runId}", posted.Headers.Location!.OriginalString);
        var start = await Wait.UntilAsync(() => Task.FromResult(servers.Started.FirstOrDefault()), s => s is not null, Within, "StartEvaluation on the bus");
        Assert.Equal((runId, "ckpt-a", "http://127.0.0.1:9/v1"), (start!.RunId, start.Model, start.BaseUrl));
        Assert.Equal(("release_latest", new DateOnly(2024, 8, 1)), (start.Selection.Release, start.Selection.StartDate));
        Assert.Equal((SamplesPerProblem, 0.0, 512), (start.Sampling.N, start.Sampling.Temperature, start.Sampling.MaxTokens));
        Assert.Equal([1, 2], start.Ks);
        Assert.Equal(3.0, start.TimeoutSeconds);
        Assert.Equal("queued", (await StatusAsync(http, runId)).GetProperty("state").GetString());
        var events = EventsAsync(http, runId);

        // As Ingest and the Executors would: the run is announced, then verdicts arrive half at a time.
        var bus = servers.ProbeBus;
        var graded = ScorerProblems.AllGraded(runId, SamplesPerProblem);
        await bus.Publish(ScorerProblems.Started(runId, SamplesPerProblem));
        var firstHalf = graded.Count / 2;
        foreach (var message in VerdictMessages.Of(graded[..firstHalf]))
        {
            await bus.Publish(message);
        }
        var running = await Wait.UntilAsync(
            () => StatusAsync(http, runId), s => s.GetProperty("samplesGraded").GetInt64() == firstHalf, Within, "half the samples graded");
        Assert.Equal("running", running.GetProperty("state").GetString());
        Assert.Equal(graded.Count, running.GetProperty("totalSamples").GetInt32());
        Assert.Equal(ScorerProblems.All.Count / 2, running.GetProperty("problemsComplete").GetInt32());
        Assert.Equal(ExpectedPassAt1(ScorerProblems.All.Count / 2), running.GetProperty("provisionalPassAt1").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, running.GetProperty("report").ValueKind);

        foreach (var message in VerdictMessages.Of(graded[firstHalf..]))
        {
            await bus.Publish(message);
        }
        var completed = await Wait.UntilAsync(
            () => StatusAsync(http, runId), s => s.GetProperty("state").GetString() == "completed", Within, "run completed");
        var passAt1 = completed.GetProperty("report").GetProperty("overall").GetProperty("passAtK").GetProperty("pass@1").GetDouble();
        Assert.Equal(ExpectedPassAt1(ScorerProblems.All.Count), passAt1, 12);
        Assert.Equal(graded.Count, completed.GetProperty("samplesGraded").GetInt64());

        // The event stream followed the same run from queued to its report, and ended there.
        var streamed = await events.WaitAsync(Within);
        Assert.Equal("queued", streamed[0].GetProperty("state").GetString());
        Assert.Equal("completed", streamed[^1].GetProperty("state").GetString());
        var counts = streamed.Select(e => e.GetProperty("samplesGraded").GetInt64()).ToList();
        Assert.Equal(counts.Order(), counts);
        Assert.Equal(passAt1, streamed[^1].GetProperty("report").GetProperty("overall").GetProperty("passAtK").GetProperty("pass@1").GetDouble());
    }

    [Fact]
    public async Task A_checkpoint_is_started_once_unless_forced_and_the_list_is_newest_first()
    {
        await using var servers = await ApiServers.StartAsync();
        var (_, http) = await servers.StartApiAsync();
        var request = new { model = "ckpt-b", baseUrl = "http://127.0.0.1:9/v1", n = 1, skipModelCheck = true };

        var first = await http.PostAsJsonAsync("/evaluations", request);
        var again = await http.PostAsJsonAsync("/evaluations", request with { baseUrl = "http://127.0.0.1:9" });
        var forced = await http.PostAsJsonAsync("/evaluations", new { model = "ckpt-b", baseUrl = "http://127.0.0.1:9/v1", n = 1, skipModelCheck = true, force = true });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var firstRun = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(firstRun, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid());
        Assert.Equal(HttpStatusCode.Accepted, forced.StatusCode);
        var forcedRun = (await forced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        await Wait.UntilAsync(() => Task.FromResult(servers.Started.Count), n => n == 2, Within, "two StartEvaluation messages");

        var list = await http.GetFromJsonAsync<JsonElement>("/evaluations");
        Assert.Equal([forcedRun, firstRun], list.EnumerateArray().Select(e => e.GetProperty("runId").GetGuid()));
        Assert.All(list.EnumerateArray(), e => Assert.Equal("queued", e.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task The_list_agrees_with_each_runs_detail_also_for_a_run_started_from_the_cli()
    {
        await using var servers = await ApiServers.StartAsync();
        var (_, http) = await servers.StartApiAsync();
        var posted = await http.PostAsJsonAsync("/evaluations", new { model = "ckpt-api", baseUrl = "http://127.0.0.1:9/v1", n = SamplesPerProblem, skipModelCheck = true });
        var apiRun = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        // As Ingest announces a run that lcb eval started: it is in no ledger, its recorded start names the server.
        var cliRun = Guid.NewGuid();
        var cliStart = new StartEvaluation
        {
            RunId = cliRun, Model = "it-model", BaseUrl = "http://cli.example:8000/v1", Selection = new DatasetSelection { Release = "release_latest" },
        };
        var bus = servers.ProbeBus;
        await bus.Publish(ScorerProblems.Started(apiRun, SamplesPerProblem));
        await bus.Publish(ScorerProblems.Started(cliRun, SamplesPerProblem) with { Request = cliStart });
        var graded = ScorerProblems.AllGraded(cliRun, SamplesPerProblem);
        foreach (var message in VerdictMessages.Of(graded[..5]))
        {
            await bus.Publish(message);
        }
        await Wait.UntilAsync(() => StatusAsync(http, cliRun), s => s.GetProperty("samplesGraded").GetInt64() == 5, Within, "five samples graded");
        await Wait.UntilAsync(() => StatusAsync(http, apiRun), s => s.GetProperty("state").GetString() == "running", Within, "the API's run registered");

        var list = await http.GetFromJsonAsync<JsonElement>("/evaluations");

        Assert.Equal(2, list.GetArrayLength());
        foreach (var entry in list.EnumerateArray())
        {
            var detail = await StatusAsync(http, entry.GetProperty("runId").GetGuid());
            foreach (var field in entry.EnumerateObject().Where(f => f.Name is not ("parked" or "report")))
            {
                Assert.True(field.Value.ToString() == detail.GetProperty(field.Name).ToString(), $"{field.Name}: list {field.Value}, detail {detail.GetProperty(field.Name)}");
            }
        }
        var cli = list.EnumerateArray().Single(e => e.GetProperty("runId").GetGuid() == cliRun);
        Assert.Equal(("http://cli.example:8000/v1", 5L, graded.Count), (cli.GetProperty("baseUrl").GetString(), cli.GetProperty("samplesGraded").GetInt64(), cli.GetProperty("totalSamples").GetInt32()));
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_their_reasons_and_unknown_runs_are_not_found()
    {
        await using var servers = await ApiServers.StartAsync();
        var (_, http) = await servers.StartApiAsync();

        var invalid = await http.PostAsJsonAsync("/evaluations", new { model = "", baseUrl = "not a url", n = 0, k = new[] { 0 } });
        var notJson = await http.PostAsync("/evaluations", new StringContent("{model:", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await http.GetAsync($"/evaluations/{Guid.NewGuid()}");
        var unknownEvents = await http.GetAsync($"/evaluations/{Guid.NewGuid()}/events");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["baseUrl", "k", "model", "n"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.True((await notJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _));
        var hot = await http.PostAsJsonAsync("/evaluations", new { model = "m", baseUrl = "http://127.0.0.1:9/v1", temperature = "hot" });
        Assert.Equal(HttpStatusCode.BadRequest, hot.StatusCode);
        var temperature = (await hot.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("temperature")[0].GetString();
        Assert.StartsWith("'temperature' could not be read", temperature);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownEvents.StatusCode);
        Assert.Empty(servers.Started);
    }

    /// <summary>Every "status" event of GET /evaluations/{id}/events, until the server ends the stream.</summary>
    private static async Task<List<JsonElement>> EventsAsync(HttpClient http, Guid runId)
    {
        using var response = await http.GetAsync($"/evaluations/{runId}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<JsonElement>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
            }
        }
        return events;
    }

    private static async Task<JsonElement> StatusAsync(HttpClient http, Guid runId) =>
        await http.GetFromJsonAsync<JsonElement>($"/evaluations/{runId}");

    /// <summary>pass@1 over the first <paramref name="problems"/> problems, whose verdicts ScorerProblems fixes.</summary>
    private static double ExpectedPassAt1(int problems) =>
        Enumerable.Range(0, problems).Average(i => PassAtK.Estimate(SamplesPerProblem, ScorerProblems.CorrectOf(i, SamplesPerProblem), 1));
}
