using Pipeline.Replay.Faults;

namespace Pipeline.IntegrationTests.Generator;

/// <summary>The Generator service against the replay server over real RabbitMQ and Redis.</summary>
public sealed class GeneratorServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_sample_arrives_with_the_official_code_and_a_replay_is_answered_from_the_cache()
    {
        await using var fixture = await GeneratorFixture.StartAsync(new FaultOptions(), maxRetryAttempts: 2, nativeN: true);
        var recorded = Data.RecordedCode(GeneratorFixture.RecordedModel, fixture.Problem.QuestionId);
        var command = fixture.Command(n: 3);

        await fixture.SendAsync(command);
        var samples = await fixture.SamplesAsync(command.RunId, 3, Patience);

        Assert.Equal([0, 1, 2], samples.Select(s => s.SampleIndex));
        Assert.All(samples, sample =>
        {
            Assert.Equal(recorded[sample.SampleIndex % recorded.Count], sample.Code);
            Assert.Equal(fixture.Problem.SuiteHash, sample.SuiteHash);
            Assert.Null(sample.GenerationIssue);
            Assert.True(sample.PromptTokens > 0 && sample.CompletionTokens > 0 && sample.LatencyMs > 0);
        });
        Assert.Equal(1, fixture.Replay.Faults.Count(Fault.None));

        var replay = fixture.Command(n: 3) with { RunId = Guid.NewGuid() };
        await fixture.SendAsync(replay);
        var again = await fixture.SamplesAsync(replay.RunId, 3, Patience);
        Assert.Equal(samples.Select(s => s.Code), again.Select(s => s.Code));
        Assert.Equal(1, fixture.Replay.Faults.Count(Fault.None));
    }

    [Fact]
    public async Task Transient_429s_500s_and_dropped_connections_are_retried_until_every_sample_arrives()
    {
        // Seeded: the first draws are known to include each kind of fault (asserted below, not assumed).
        var faults = new FaultOptions
        {
            TooManyRequestsRate = 0.2, RetryAfterSeconds = 1, ServerErrorRate = 0.2, DropConnectionRate = 0.1, Seed = 7,
        };
        await using var fixture = await GeneratorFixture.StartAsync(faults, maxRetryAttempts: 12, nativeN: false);
        var recorded = Data.RecordedCode(GeneratorFixture.RecordedModel, fixture.Problem.QuestionId);
        var command = fixture.Command(n: 8);

        await fixture.SendAsync(command);
        var samples = await fixture.SamplesAsync(command.RunId, 8, Patience);

        Assert.Equal(Enumerable.Range(0, 8), samples.Select(s => s.SampleIndex));
        Assert.All(samples, sample => Assert.Equal(recorded[0], sample.Code));
        Assert.True(fixture.Replay.Faults.Count(Fault.TooManyRequests) > 0, "no 429 was injected");
        Assert.True(fixture.Replay.Faults.Count(Fault.ServerError) > 0, "no 500 was injected");
        Assert.True(fixture.Replay.Faults.Count(Fault.DropConnection) > 0, "no connection was dropped");
        Assert.Equal(8, fixture.Replay.Faults.Count(Fault.None));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_sends_the_command_to_the_error_queue_with_the_reason()
    {
        await using var fixture = await GeneratorFixture.StartAsync(new FaultOptions { ServerErrorRate = 1 }, maxRetryAttempts: 2, nativeN: true);
        var command = fixture.Command(n: 2);

        await fixture.SendAsync(command);
        var faulted = await fixture.VirtualHost.TakeAsync($"{fixture.GeneratorEndpoint}_error", Patience);

        Assert.NotNull(faulted);
        Assert.Contains(command.RunId.ToString(), faulted.Value.Body);
        Assert.Contains("500", faulted.Value.Headers["MT-Fault-Message"]);
        // Each attempt of the message is 1 request + 2 HTTP retries; the message is retried once before it is parked.
        Assert.Equal("1", faulted.Value.Headers["MT-Fault-RetryCount"]);
        Assert.Equal(6, fixture.Replay.Faults.Count(Fault.ServerError));
        Assert.Empty(await fixture.SamplesAsync(command.RunId, 1, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Malformed_answers_are_published_as_samples_without_code_and_flagged()
    {
        await using var fixture = await GeneratorFixture.StartAsync(new FaultOptions { MalformedJsonRate = 1 }, maxRetryAttempts: 2, nativeN: true);
        var command = fixture.Command(n: 2);

        await fixture.SendAsync(command);
        var samples = await fixture.SamplesAsync(command.RunId, 2, Patience);

        Assert.Equal([0, 1], samples.Select(s => s.SampleIndex));
        Assert.All(samples, sample =>
        {
            Assert.Equal("", sample.Code);
            Assert.Equal("", sample.RawOutput);
            Assert.StartsWith("unparseable response", sample.GenerationIssue);
        });
    }
}
