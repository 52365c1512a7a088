using Pipeline.Hosting.Retries;

namespace Pipeline.Generation.Consumers;

/// <summary>
/// A model server that still fails after the HTTP client's own retries gets a few more chances, long apart;
/// a problem missing from the store or a bad prompt style is parked at once.
/// </summary>
public sealed class GenerateSolutionsConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<GenerateSolutionsConsumer>(retry.ModelServer);
