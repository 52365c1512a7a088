using RabbitMQ.Client;

namespace Pipeline.Hosting;

/// <summary>
/// A plain RabbitMQ client connection to the broker the bus uses, for what MassTransit does not do itself
/// (reading queue depths, moving parked messages).
/// </summary>
public static class BrokerConnections
{
    public static ConnectionFactory Factory(BusOptions bus, string clientName) => new()
    {
        HostName = bus.Host,
        Port = bus.Port,
        VirtualHost = bus.VirtualHost,
        UserName = bus.Username,
        Password = bus.Password,
        ClientProvidedName = clientName,
    };
}
