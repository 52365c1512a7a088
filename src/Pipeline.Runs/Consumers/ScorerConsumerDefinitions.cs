using Pipeline.Hosting.Retries;

namespace Pipeline.Runs.Consumers;

/// <summary>Redis or broker outages are retried; an inconsistent run or a problem missing from the store is parked at once.</summary>
public sealed class EvaluationStartedConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<EvaluationStartedConsumer>(retry.Stores);

/// <summary>Redis or broker outages are retried; a verdict that does not fit its run is parked at once.</summary>
public sealed class SolutionGradedConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<SolutionGradedConsumer>(retry.Stores);

/// <summary>Parked generation is recorded in Redis: its outages are retried.</summary>
public sealed class ParkedGenerationConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<ParkedGenerationConsumer>(retry.Stores);

/// <summary>Parked grading is recorded in Redis: its outages are retried.</summary>
public sealed class ParkedGradingConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<ParkedGradingConsumer>(retry.Stores);

/// <summary>A failed start is recorded in Redis: its outages are retried.</summary>
public sealed class FailedStartConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<FailedStartConsumer>(retry.Stores);
