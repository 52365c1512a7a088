using Pipeline.Hosting.Retries;

namespace Pipeline.Runs.Consumers;

/// <summary>Parked generation is recorded in Redis: its outages are retried.</summary>
public sealed class ParkedGenerationConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<ParkedGenerationConsumer>(retry.Stores);
