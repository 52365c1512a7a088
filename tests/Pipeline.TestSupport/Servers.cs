namespace Pipeline.TestSupport;

/// <summary>Where the real servers started by ./test listen; overridable for other set-ups.</summary>
public static class Servers
{
    public static string Redis => Environment.GetEnvironmentVariable("PIPELINE_TEST_REDIS") ?? "localhost:6379";

    public static string RabbitMqHost => Environment.GetEnvironmentVariable("PIPELINE_TEST_RABBITMQ") ?? "localhost";

    /// <summary>
    /// A host's sections Bus, Redis and Stores on these servers, under one test's key prefix (and virtual host, when it
    /// has its own), so parallel tests never share queues or keys; a test adds its own settings on top.
    /// </summary>
    public static Dictionary<string, string?> Settings(string keyPrefix, string? virtualHost = null)
    {
        var settings = BusSettings(virtualHost);
        settings["Redis:Configuration"] = Redis;
        settings["Stores:KeyPrefix"] = keyPrefix;
        return settings;
    }

    /// <summary>The section Bus alone on the broker (in the test's own virtual host, when it has one): for a host with no stores.</summary>
    public static Dictionary<string, string?> BusSettings(string? virtualHost = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:Host"] = RabbitMqHost,
        };
        if (virtualHost is not null)
        {
            settings["Bus:VirtualHost"] = virtualHost;
        }
        return settings;
    }
}
