using Pipeline.IntegrationTests.Infrastructure;

namespace Pipeline.IntegrationTests.Operations;

/// <summary>
/// The repository's docker-compose.yml run as a project of its own (own name, volumes and network), its host
/// ports moved to free ones so it never meets the RabbitMQ and Redis the other tests share.
/// </summary>
public sealed class ComposeProject : IAsyncDisposable
{
    private ComposeProject(string name, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        Environment = environment;
    }

    public static string RepositoryRoot => Repository.Root;

    public string Name { get; }

    /// <summary>scripts/build-images.sh (a second or so when nothing changed); says what it built and how long it took.</summary>
    public static async Task<string> BuildImagesAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var build = await Shell.RunAsync(Path.Combine(RepositoryRoot, "scripts/build-images.sh"), [], RepositoryRoot, cancellationToken: cancellationToken);
        Assert.True(build.ExitCode == 0, build.ToString());
        return $"images ready in {clock.Elapsed.TotalSeconds:F0} s: {build.Output.Trim()}";
    }

    /// <summary>The variables docker-compose.yml reads: host ports and the dataset folder.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public int RabbitMqPort => int.Parse(Environment["RABBITMQ_PORT"]);

    public int RedisPort => int.Parse(Environment["REDIS_PORT"]);

    public int ApiPort => int.Parse(Environment["API_PORT"]);

    public static ComposeProject Create(string datasetFolder) => new($"pipeline-test-{Guid.NewGuid():N}"[..28], new Dictionary<string, string>
    {
        ["RABBITMQ_PORT"] = FreePort.Next().ToString(),
        ["RABBITMQ_MANAGEMENT_PORT"] = FreePort.Next().ToString(),
        ["REDIS_PORT"] = FreePort.Next().ToString(),
        ["API_PORT"] = FreePort.Next().ToString(),
        ["LCB_DATASET_DIR"] = datasetFolder,
    });

    /// <summary>docker-compose with this project's name and variables, from the repository root.</summary>
    public Task<Shell.Result> RunAsync(CancellationToken cancellationToken, params string[] arguments) =>
        Shell.RunAsync("docker-compose", ["-p", Name, .. arguments], RepositoryRoot, Environment, cancellationToken);

    public async Task<string> CheckedAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await RunAsync(cancellationToken, arguments);
        return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"docker-compose {string.Join(' ', arguments)}: {result}");
    }

    public async Task<string> LogsAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var logs = await RunAsync(timeout.Token, "logs", "--no-color", "--tail", "40");
        return logs.Output + logs.Errors;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await RunAsync(timeout.Token, "down", "-v", "--remove-orphans", "-t", "10");
    }
}
