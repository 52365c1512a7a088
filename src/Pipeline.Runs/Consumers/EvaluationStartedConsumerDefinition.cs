using Pipeline.Hosting.Retries;

namespace Pipeline.Runs.Consumers;

/// <summary>Redis or broker outages are retried; an inconsistent run is parked at once.</summary>
public sealed class EvaluationStartedConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<EvaluationStartedConsumer>(retry.Stores);
