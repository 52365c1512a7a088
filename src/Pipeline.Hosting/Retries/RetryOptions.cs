namespace Pipeline.Hosting.Retries;

/// <summary>
/// The retry schedules consumers choose from (configuration section "Retry", e.g. PIPELINE_Retry__Stores__Exponential).
/// A message still failing after its schedule is parked in its queue's _error queue, where `lcb replay` finds it.
/// </summary>
public sealed class RetryOptions
{
    public const string Section = "Retry";

    /// <summary>
    /// For consumers whose faults are Redis or broker outages: about 45 s of retries, enough to ride out a
    /// Redis or RabbitMQ restart (~10 s) and a reconnect with backoff.
    /// </summary>
    public RetryProfile Stores { get; set; } = new()
    {
        Immediate = 1,
        Exponential = 8,
        MinInterval = TimeSpan.FromMilliseconds(250),
        MaxInterval = TimeSpan.FromSeconds(15),
    };

    /// <summary>
    /// For the Generator: its HTTP client already retries the model server with backoff for minutes
    /// (ModelServer:MaxRetryAttempts), so the message itself is retried only a few times, after long pauses
    /// that let an overloaded or restarting server come back.
    /// </summary>
    public RetryProfile ModelServer { get; set; } = new()
    {
        Immediate = 0,
        Exponential = 3,
        MinInterval = TimeSpan.FromSeconds(15),
        MaxInterval = TimeSpan.FromMinutes(1),
    };
}
