namespace Pipeline.Generation.ModelClient;

/// <summary>How the Generator talks to model servers (configuration section "ModelServer").</summary>
public sealed class ModelServerOptions
{
    public const string Section = "ModelServer";

    /// <summary>Bearer token; when unset, the OPENAI_API_KEY environment variable. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Ask for n samples in one request (the API's "n"); false: one request per sample, for servers without n.</summary>
    public bool UseNativeN { get; set; } = true;

    /// <summary>Requests in flight to one server (per URL authority) at once; the rest wait.</summary>
    public int MaxConcurrentRequestsPerServer { get; set; } = 8;

    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First retry delay; it doubles per attempt, with jitter, unless the server sends Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between two attempts, whatever the backoff has grown to.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>One attempt's limit: long generations are slow, so this is generous.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public override string ToString() =>
        $"ModelServer(ApiKey={(ApiKey is null ? "unset" : "set")}, UseNativeN={UseNativeN}, MaxConcurrentRequestsPerServer={MaxConcurrentRequestsPerServer}, MaxRetryAttempts={MaxRetryAttempts})";
}
