namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A RabbitMQ virtual host of a test's own, deleted afterwards: messages a test publishes by type then reach only
/// that test's queues, never the services other tests run at the same time on the shared broker.
/// </summary>
public sealed class RabbitVirtualHost : IAsyncDisposable
{
    private RabbitVirtualHost(string name) => Name = name;

    public string Name { get; }

    public static async Task<RabbitVirtualHost> CreateAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new RabbitVirtualHost(name);
    }

    public async ValueTask DisposeAsync() => await CtlAsync("delete_vhost", Name);

    private static Task CtlAsync(params string[] arguments) => Shell.CheckedAsync("rabbitmqctl", arguments);
}
