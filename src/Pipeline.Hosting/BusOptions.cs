namespace Pipeline.Hosting;

/// <summary>Where messages travel: RabbitMQ for real deployments, in-memory for the single-process quick start and unit tests.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    public BusTransport Transport { get; set; } = BusTransport.RabbitMq;
    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
    /// <summary>How many messages one consumer endpoint works on at once (0 = MassTransit's default).</summary>
    public int ConcurrentMessageLimit { get; set; }
    /// <summary>
    /// How long start-up waits for the broker before it fails (0 = for ever). Services wait: they are started
    /// beside a broker that may come up later. A command line tool must not: a person is waiting for an answer.
    /// </summary>
    public double StartTimeoutSeconds { get; set; }
}

public enum BusTransport
{
    RabbitMq,
    InMemory,
}
