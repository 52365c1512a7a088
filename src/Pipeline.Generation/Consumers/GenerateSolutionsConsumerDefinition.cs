using Pipeline.Generation.ModelClient;
using Pipeline.Hosting.Retries;

namespace Pipeline.Generation.Consumers;

/// <summary>
/// A model server that still fails after the HTTP client's own retries gets a few more chances, long apart;
/// a problem missing from the store, a bad prompt style or a request the server refuses for good (a permanent 4xx)
/// is parked at once.
/// </summary>
public sealed class GenerateSolutionsConsumerDefinition(RetryOptions retry)
    : RetryingConsumerDefinition<GenerateSolutionsConsumer>(retry.ModelServer, typeof(ModelServerRejectedException));
