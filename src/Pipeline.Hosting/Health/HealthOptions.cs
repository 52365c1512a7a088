namespace Pipeline.Hosting.Health;

/// <summary>
/// Health:Port: where a service without an HTTP API of its own serves /healthz (every interface). 0, the default,
/// binds an ephemeral port on loopback only, so many services can share one machine (tests start dozens).
/// </summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    public int Port { get; set; }
}
