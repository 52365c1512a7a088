using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Generation.ModelClient;
using Pipeline.Generation.Prompts;
using Pipeline.Replay.Faults;

namespace Pipeline.IntegrationTests.Generator;

/// <summary>The replay server over real HTTP, seen through the Generator's own model client.</summary>
public sealed class ReplayServerTests
{
    [Fact]
    public async Task A_model_added_while_running_is_listed_and_answers_from_its_recording()
    {
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { ["qwen"] = [LcbTestData.Recording("qwen2.5-7b-instruct")] },
        });
        using var services = new ServiceCollection().AddModelClient(new ModelServerOptions { MaxRetryAttempts = 1 }).BuildServiceProvider();
        var client = services.GetRequiredService<IModelClient>();
        Assert.Equal(["qwen"], await client.ListModelsAsync(replay.BaseUrl + "/v1", default));

        using var http = new HttpClient { BaseAddress = new Uri(replay.BaseUrl) };
        var added = await http.PostAsJsonAsync("/admin/models", new { name = "o1", recordings = new[] { LcbTestData.Recording("o1-mini") } });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(["o1", "qwen"], await client.ListModelsAsync(replay.BaseUrl, default));

        var problem = Data.AnsweredProblem("o1-mini");
        var reply = await client.CompleteAsync(replay.BaseUrl, "o1",
            CodeGenerationPrompt.Build(PromptStyle.GenericBase, problem.QuestionContent, problem.StarterCode), new SamplingSettings(), 2, default);
        var recorded = Data.RecordedOutputs("o1-mini", problem.QuestionId);
        Assert.Equal([recorded[0], recorded[1 % recorded.Count]], reply.Answers.Select(a => a.Text));

        var missing = await http.PostAsJsonAsync("/admin/models", new { name = "x", recordings = new[] { "/nonexistent.jsonl" } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("nonexistent.jsonl", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Faults_are_set_while_running_and_a_429_carries_Retry_After()
    {
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new Pipeline.Replay.ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { ["qwen"] = [LcbTestData.Recording("qwen2.5-7b-instruct")] },
        });
        using var http = new HttpClient { BaseAddress = new Uri(replay.BaseUrl) };
        var set = await http.PostAsJsonAsync("/admin/faults", new FaultOptions { TooManyRequestsRate = 1, RetryAfterSeconds = 7 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var response = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "qwen", messages = new[] { new { role = "user", content = "x" } } });
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);

        var refused = await http.PostAsJsonAsync("/admin/faults", new FaultOptions { ServerErrorRate = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
