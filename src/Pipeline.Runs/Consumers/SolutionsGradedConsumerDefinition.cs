using Pipeline.Hosting.Retries;

namespace Pipeline.Runs.Consumers;

/// <summary>Redis or broker outages are retried; a verdict that does not fit its run is parked at once.</summary>
public sealed class SolutionsGradedConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<SolutionsGradedConsumer>(retry.Stores);
