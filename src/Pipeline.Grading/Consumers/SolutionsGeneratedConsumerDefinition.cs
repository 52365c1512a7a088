using Pipeline.Grading.Sandbox;
using Pipeline.Hosting.Retries;

namespace Pipeline.Grading.Consumers;

/// <summary>
/// As many messages at a time as there are sandbox workers, and no more taken from the queue than that: a message's
/// samples share the workers, so a second message keeps them busy while the first one's last samples finish, and
/// MassTransit's default prefetch (twice the cores, up to 16) would let an Executor hold messages it cannot start
/// while other Executors idle, and carry them away when it stops (docs/decisions/018, 028). A sandbox fault or a Redis
/// outage is retried; a suite missing from the store is parked at once (suites are stored before any sample names them).
/// </summary>
public sealed class SolutionsGeneratedConsumerDefinition : RetryingConsumerDefinition<SolutionsGeneratedConsumer>
{
    public SolutionsGeneratedConsumerDefinition(SandboxOptions sandbox, RetryOptions retry)
        : base(retry.Stores, typeof(SuiteNotFoundException))
    {
        ConcurrentMessageLimit = sandbox.EffectiveWorkers;
        Endpoint(endpoint => endpoint.PrefetchCount = sandbox.EffectiveWorkers);
    }
}
