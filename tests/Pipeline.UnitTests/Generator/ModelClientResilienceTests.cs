using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Generation.ModelClient;
using Pipeline.Generation.Prompts;

namespace Pipeline.UnitTests.Generator;

/// <summary>The registered client's resilience pipeline, over a scripted HTTP handler instead of a network.</summary>
public sealed class ModelClientResilienceTests
{
    private const string Answer = """{"choices":[{"index":0,"message":{"content":"```\nok\n```"}}],"usage":{"prompt_tokens":3,"completion_tokens":4}}""";

    [Fact]
    public async Task A_429_is_retried_after_the_servers_Retry_After_not_the_backoff()
    {
        // The backoff alone would wait ten minutes: finishing at all shows Retry-After (1 s) was used.
        var handler = new ScriptedHandler(RateLimited(retryAfterSeconds: 1), Ok());
        var client = Client(handler, new ModelServerOptions { RetryBaseDelay = TimeSpan.FromMinutes(10), RetryMaxDelay = TimeSpan.FromMinutes(10) });
        var reply = await AskAsync(client).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("```\nok\n```", reply.Answers.Single().Text);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_the_last_one_propagates()
    {
        var recovering = new ScriptedHandler(Status(HttpStatusCode.InternalServerError), Status(HttpStatusCode.BadGateway), Ok());
        Assert.Equal(4, (await AskAsync(Client(recovering, Fast(retries: 3)))).CompletionTokens);
        Assert.Equal(3, recovering.Calls);

        var failing = new ScriptedHandler(Enumerable.Repeat(Status(HttpStatusCode.ServiceUnavailable), 10).ToArray());
        var error = await Assert.ThrowsAsync<Refit.ApiException>(() => AskAsync(Client(failing, Fast(retries: 2))));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, failing.Calls);
    }

    [Fact]
    public async Task A_permanent_client_error_is_not_retried_and_carries_the_servers_message()
    {
        var handler = new ScriptedHandler(Refused(HttpStatusCode.BadRequest, "no recording of model 'ckpt-100' matches the prompt"), Ok());
        var error = await Assert.ThrowsAsync<ModelServerRejectedException>(() => AskAsync(Client(handler, Fast(retries: 3))));
        Assert.Equal(1, handler.Calls);
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("model server answered 400 (BadRequest): no recording of model 'ckpt-100' matches the prompt", error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task Timeouts_and_conflicts_are_not_permanent(HttpStatusCode code)
    {
        var handler = new ScriptedHandler(Enumerable.Repeat(Status(code), 4).ToArray());
        var error = await Assert.ThrowsAsync<Refit.ApiException>(() => AskAsync(Client(handler, Fast(retries: 1))));
        Assert.Equal(code, error.StatusCode);
    }

    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("{\"error\": \"a string\"}", "a string")]
    [InlineData("", "(empty body)")]
    [InlineData("{\"detail\": \"x\"}", "{\"detail\": \"x\"}")]
    public void The_servers_message_is_its_error_message_or_the_body(string body, string expected) =>
        Assert.Equal(expected, ModelServerRejectedException.ReadServerMessage(body));

    [Fact]
    public async Task The_api_key_is_sent_as_a_bearer_token_and_kept_out_of_the_options_text()
    {
        var handler = new ScriptedHandler(Ok());
        var options = Fast(retries: 0);
        options.ApiKey = "sk-secret-123";
        await AskAsync(Client(handler, options));
        Assert.Equal("Bearer sk-secret-123", handler.Authorization);
        Assert.DoesNotContain("sk-secret-123", options.ToString());
    }

    private static ModelServerOptions Fast(int retries) =>
        new() { MaxRetryAttempts = Math.Max(1, retries), RetryBaseDelay = TimeSpan.FromMilliseconds(1), RetryMaxDelay = TimeSpan.FromMilliseconds(5) };

    private static IModelClient Client(ScriptedHandler handler, ModelServerOptions options)
    {
        var services = new ServiceCollection().AddModelClient(options);
        services.AddHttpClient(ModelClientRegistration.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider().GetRequiredService<IModelClient>();
    }

    private static Task<ModelReply> AskAsync(IModelClient client) =>
        client.CompleteAsync("http://model.test/v1", "m", CodeGenerationPrompt.Build(PromptStyle.OpenAIChat, "Q", ""), new SamplingSettings(), 1, default);

    private static Func<HttpResponseMessage> Ok() => () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Answer) };

    private static Func<HttpResponseMessage> Status(HttpStatusCode code) => () => new HttpResponseMessage(code) { Content = new StringContent("{}") };

    private static Func<HttpResponseMessage> Refused(HttpStatusCode code, string message) => () =>
        new HttpResponseMessage(code) { Content = new StringContent($$$"""{"error": {"message": "{{{message}}}", "type": "invalid_request_error"}}""") };

    private static Func<HttpResponseMessage> RateLimited(int retryAfterSeconds) => () =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}") };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));
        return response;
    };

    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
    {
        private int calls;

        public int Calls => calls;

        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            var index = Interlocked.Increment(ref calls) - 1;
            var response = responses[Math.Min(index, responses.Length - 1)]();
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
