using Pipeline.Cli;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Cli;

/// <summary>
/// `lcb eval --extend` of a run started with its own key, the real executable: the key was never stored, so without
/// --api-key it refuses with one line, rather than run the extension with the Generator's own key.
/// </summary>
public sealed class ExtendKeyCliTests : IAsyncLifetime
{
    private readonly string _prefix = $"test-extend-key-{Guid.NewGuid():N}:";
    private IConnectionMultiplexer? _redis;

    [Fact]
    public async Task Extending_a_run_that_had_its_own_key_without_one_is_refused_with_one_line()
    {
        var runId = Guid.NewGuid();
        var started = new StartEvaluation
        {
            RunId = runId, Model = "ckpt-k", BaseUrl = "http://127.0.0.1:9/v1", Selection = new DatasetSelection { Release = "release_latest", Limit = 1 },
            ModelServer = new ModelServerSettings { ApiKey = "sk-run" }.WithoutApiKey(),
        };
        await new RedisRunStore(_redis!, new RedisKeys(_prefix)).RegisterAsync(new RunRegistration
        {
            RunId = runId, Model = started.Model, SamplesPerProblem = 1, Ks = [1], StartedAt = DateTimeOffset.UtcNow, Problems = [], Request = started,
        });

        var output = await BadInputTests.RunAsync(ExitCodes.Failed,
            "eval", "--extend", runId.ToString("N")[..8], "--limit", "2", "--redis", Servers.Redis, "--key-prefix", _prefix, "--rabbitmq", Servers.RabbitMqHost);

        Assert.Contains($"error: run {runId} was started with its own --api-key, which is never stored; give it again: lcb eval --extend {runId.ToString("N")[..8]} --api-key KEY", output);
    }

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await TestKeys.DeleteAsync(_redis, _prefix);
            await _redis.DisposeAsync();
        }
    }
}
