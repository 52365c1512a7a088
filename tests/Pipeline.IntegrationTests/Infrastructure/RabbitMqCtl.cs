namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>The broker's own admin tool (the management plugin is off): virtual hosts, queue listings.</summary>
public static class RabbitMqCtl
{
    public static Task<string> RunAsync(params string[] arguments) => ExternalCommand.RunAsync("rabbitmqctl", arguments);

    /// <summary>A fresh virtual host guest may use, so a test's queues keep their production names without meeting anyone else's.</summary>
    public static async Task<string> AddVirtualHostAsync(string name)
    {
        await RunAsync("add_vhost", name);
        await RunAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    public static Task DeleteVirtualHostAsync(string name) => RunAsync("delete_vhost", name);
}
