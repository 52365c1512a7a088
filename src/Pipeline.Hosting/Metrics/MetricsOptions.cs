namespace Pipeline.Hosting.Metrics;

/// <summary>Metrics:Port: where this process serves Prometheus' /metrics; 0 (the default) serves nothing.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public int Port { get; set; }
}
