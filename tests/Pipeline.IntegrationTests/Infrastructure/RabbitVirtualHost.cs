namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>A RabbitMQ virtual host of the test's own, so services on the shared broker never see its messages.</summary>
internal sealed class RabbitVirtualHost : IAsyncDisposable
{
    private RabbitVirtualHost(string name) => Name = name;

    public string Name { get; }

    public static async Task<RabbitVirtualHost> CreateAsync(string name)
    {
        await RabbitMqCtl.RunAsync("add_vhost", name);
        await RabbitMqCtl.RunAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new RabbitVirtualHost(name);
    }

    public async ValueTask DisposeAsync() => await RabbitMqCtl.RunAsync("delete_vhost", Name);
}
