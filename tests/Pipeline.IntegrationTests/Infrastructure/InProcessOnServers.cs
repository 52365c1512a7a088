namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Settings that put the single-process pipeline (InProcessPipeline) on the real RabbitMQ and Redis, inside one test's
/// virtual host and key prefix; a test adds its own (shorter retries, say) on top.
/// </summary>
public static class InProcessOnServers
{
    public static Dictionary<string, string?> Settings(string virtualHost, string keyPrefix) =>
        new(Servers.Settings(keyPrefix, virtualHost))
        {
            ["Stores:Backend"] = "Redis",
            ["Sandbox:Workers"] = "2",
        };
}
