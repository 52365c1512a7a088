using Pipeline.Hosting.Retries;

namespace Pipeline.Runs.Consumers;

/// <summary>Parked grading is recorded in Redis: its outages are retried.</summary>
public sealed class ParkedGradingConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<ParkedGradingConsumer>(retry.Stores);
