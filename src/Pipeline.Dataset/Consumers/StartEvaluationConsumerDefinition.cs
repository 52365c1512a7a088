using Pipeline.Hosting.Retries;
using Pipeline.Dataset;

namespace Pipeline.Dataset.Consumers;

/// <summary>Redis or broker outages are retried; a dataset that cannot be read or selected from is parked at once.</summary>
public sealed class StartEvaluationConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<StartEvaluationConsumer>(retry.Stores, typeof(DatasetException));
