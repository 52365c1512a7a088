using Microsoft.Extensions.Configuration;
using Pipeline.Core.Stores;
using Pipeline.IntegrationTests.EndToEnd;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Operations;

/// <summary>
/// docker-stack.yml deployed under a name of its own on a <see cref="SwarmNode"/>, its host ports moved to free ones
/// so it never meets the RabbitMQ and Redis the other tests share. Disposing removes the stack, waits for its
/// containers and network to go, and removes its volumes.
/// </summary>
public sealed class SwarmStack : IEvaluatedPipeline, IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private IConnectionMultiplexer? _redis;

    private SwarmStack(string name, Dictionary<string, string> environment, string modelBaseUrl)
    {
        Name = name;
        _environment = environment;
        ModelBaseUrl = modelBaseUrl;
    }

    public string Name { get; }

    public string ModelBaseUrl { get; }

    public IRunStore Store => new RedisRunStore(_redis!, new RedisKeys());

    /// <param name="executors">Executor replicas at first; <paramref name="workers"/> warm sandboxes each.</param>
    public static async Task<SwarmStack> DeployAsync(string datasetFolder, string modelBaseUrl, int executors, int workers, CancellationToken cancellationToken)
    {
        var stack = new SwarmStack($"pltest{Guid.NewGuid():N}"[..16], new Dictionary<string, string>
        {
            ["RABBITMQ_PORT"] = FreePort.Next().ToString(),
            ["RABBITMQ_MANAGEMENT_PORT"] = FreePort.Next().ToString(),
            ["REDIS_PORT"] = FreePort.Next().ToString(),
            ["API_PORT"] = FreePort.Next().ToString(),
            ["LCB_DATASET_DIR"] = Path.GetFullPath(datasetFolder),
            ["EXECUTOR_REPLICAS"] = executors.ToString(),
            ["EXECUTOR_WORKERS"] = workers.ToString(),
        }, modelBaseUrl);
        var deploy = await Shell.RunAsync("docker", ["stack", "deploy", "--resolve-image", "never", "-c", "docker-stack.yml", stack.Name],
            ComposeProject.RepositoryRoot, stack._environment, cancellationToken);
        if (deploy.ExitCode != 0)
        {
            await stack.DisposeAsync();
            throw new InvalidOperationException($"docker stack deploy: {deploy}");
        }
        stack._redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { $"localhost:{stack._environment["REDIS_PORT"]}" }, AbortOnConnectFail = false,
        });
        return stack;
    }

    public IConfiguration BusConfiguration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Bus:Host"] = "localhost", ["Bus:Port"] = _environment["RABBITMQ_PORT"],
    }).Build();

    /// <summary>rabbitmqctl in the stack's RabbitMQ container; throws while it has none running (killed, restarting).</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueuesAsync(string column)
    {
        var rabbit = (await ContainersAsync("rabbitmq", CancellationToken.None)).FirstOrDefault()
            ?? throw new InvalidOperationException("the stack's RabbitMQ has no running container");
        var listing = await SwarmNode.CheckedAsync(CancellationToken.None,
            "exec", rabbit, "/usr/lib/rabbitmq/bin/rabbitmqctl", "list_queues", "-q", "--no-table-headers", "name", column);
        return RabbitBroker.ParseQueues(listing);
    }

    /// <summary>The running containers of one of the stack's services.</summary>
    public async Task<IReadOnlyList<string>> ContainersAsync(string service, CancellationToken cancellationToken) =>
        (await SwarmNode.CheckedAsync(cancellationToken, "ps", "-q", "--filter", $"label=com.docker.swarm.service.name={Name}_{service}"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Each running container of the stack with its health (healthy, starting, unhealthy).</summary>
    private async Task<IReadOnlyDictionary<string, string>> HealthAsync(CancellationToken cancellationToken)
    {
        var ids = (await SwarmNode.CheckedAsync(cancellationToken, "ps", "-q", "--filter", $"label=com.docker.stack.namespace={Name}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            return new Dictionary<string, string>();
        }
        var lines = await SwarmNode.CheckedAsync(cancellationToken,
            ["inspect", "--format", "{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}", .. ids]);
        return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0].TrimStart('/'), parts => parts[1]);
    }

    /// <summary>
    /// Until every service of the stack runs its desired replicas and every container's health check (/healthz for the
    /// .NET services) says healthy; else fails naming each service that is not, its containers' health and its tasks'
    /// errors in full.
    /// </summary>
    public async Task WaitUntilHealthyAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var replicas = await ReplicasAsync(cancellationToken);
            var health = await HealthAsync(cancellationToken);
            var unhealthy = replicas.Where(service => service.Value.Running < service.Value.Desired
                || health.Count(c => IsOf(c.Key, service.Key)) != service.Value.Desired
                || health.Any(c => IsOf(c.Key, service.Key) && c.Value != "healthy")).Select(service => service.Key).ToList();
            if (replicas.Count > 0 && unhealthy.Count == 0)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                var report = new List<string>();
                foreach (var service in unhealthy)
                {
                    var containers = health.Where(c => IsOf(c.Key, service)).Select(c => $"{c.Key}={c.Value}");
                    report.Add($"{service}: {replicas[service].Running}/{replicas[service].Desired} running; containers: {string.Join(", ", containers)}\n  tasks:\n    "
                        + string.Join("\n    ", await TasksAsync(service, cancellationToken)));
                }
                Assert.Fail($"stack {Name} not healthy after {patience.TotalMinutes:F0} min:\n{string.Join("\n", report)}\n{await OutputAsync()}");
            }
            await Task.Delay(1000, cancellationToken);
        }
    }

    private bool IsOf(string container, string service) => container.StartsWith($"{Name}_{service}.", StringComparison.Ordinal);

    /// <summary>Each service of the stack (without the stack's prefix) with its running and desired replicas.</summary>
    private async Task<IReadOnlyDictionary<string, (int Running, int Desired)>> ReplicasAsync(CancellationToken cancellationToken)
    {
        var lines = await SwarmNode.CheckedAsync(cancellationToken,
            "service", "ls", "--filter", $"label=com.docker.stack.namespace={Name}", "--format", "{{.Name}} {{.Replicas}}");
        return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')).ToDictionary(
            parts => parts[0][(Name.Length + 1)..],
            parts => (int.Parse(parts[1].Split('/')[0]), int.Parse(parts[1].Split('/')[1])));
    }

    public Task<string> ScaleAsync(string service, int replicas, CancellationToken cancellationToken) =>
        SwarmNode.CheckedAsync(cancellationToken, "service", "scale", "--detach", $"{Name}_{service}={replicas}");

    /// <summary>The desired and current state of every task the service ever had, with its error (`docker service ps`).</summary>
    public async Task<IReadOnlyList<string>> TasksAsync(string service, CancellationToken cancellationToken) =>
        (await SwarmNode.CheckedAsync(cancellationToken, "service", "ps", "--no-trunc", "--format", "{{.Name}} {{.DesiredState}} {{.CurrentState}} {{.Error}}", $"{Name}_{service}"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public async Task<string> OutputAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = new List<string>();
        foreach (var service in new[] { "ingest", "generator", "executor", "scorer" })
        {
            var logs = await SwarmNode.DockerAsync(timeout.Token, "service", "logs", "--tail", "30", "--no-trunc", $"{Name}_{service}");
            output.Add($"----- {service} -----\n{logs.Output}{logs.Errors}");
        }
        return string.Join("\n", output);
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await SwarmNode.DockerAsync(timeout.Token, "stack", "rm", Name);
        // Volumes and the stack's network go only once its containers have.
        while (!timeout.IsCancellationRequested
               && ((await SwarmNode.DockerAsync(timeout.Token, "ps", "-aq", "--filter", $"label=com.docker.stack.namespace={Name}")).Output.Trim() != ""
                   || (await SwarmNode.DockerAsync(timeout.Token, "network", "ls", "-q", "--filter", $"label=com.docker.stack.namespace={Name}")).Output.Trim() != ""))
        {
            await Task.Delay(1000, timeout.Token);
        }
        await SwarmNode.DockerAsync(timeout.Token, "volume", "rm", $"{Name}_rabbitmq-data", $"{Name}_redis-data", $"{Name}_harness");
    }
}
