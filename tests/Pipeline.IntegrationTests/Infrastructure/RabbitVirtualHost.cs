namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>A RabbitMQ virtual host of the test's own, so services on the shared broker never see its messages.</summary>
internal sealed class RabbitVirtualHost : IAsyncDisposable
{
    private readonly RabbitBroker broker;

    private RabbitVirtualHost(string name, RabbitBroker broker)
    {
        Name = name;
        this.broker = broker;
    }

    public string Name { get; }

    /// <param name="broker">the node to create it on; the shared one unless a test brings its own</param>
    public static async Task<RabbitVirtualHost> CreateAsync(string name, RabbitBroker? broker = null)
    {
        broker ??= RabbitBroker.Shared;
        await broker.CtlAsync("add_vhost", name);
        await broker.CtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new RabbitVirtualHost(name, broker);
    }

    public async ValueTask DisposeAsync() => await broker.CtlAsync("delete_vhost", Name);
}
