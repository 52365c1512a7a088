using Pipeline.Hosting.Retries;

namespace Pipeline.Runs.Consumers;

/// <summary>A failed start is recorded in Redis: its outages are retried.</summary>
public sealed class FailedStartConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<FailedStartConsumer>(retry.Stores);
