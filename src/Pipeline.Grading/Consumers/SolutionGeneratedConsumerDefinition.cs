using Pipeline.Grading.Sandbox;
using Pipeline.Hosting.Retries;

namespace Pipeline.Grading.Consumers;

/// <summary>
/// One sample per sandbox worker at a time, and no more taken from the queue than that: MassTransit's default
/// prefetch (twice the cores, up to 16) would let an Executor hold samples it cannot start while other Executors
/// idle, and carry them away when it stops (docs/decisions/018). A sandbox fault or a Redis outage is retried; a
/// suite missing from the store is parked at once (suites are stored before any sample names them).
/// </summary>
public sealed class SolutionGeneratedConsumerDefinition : RetryingConsumerDefinition<SolutionGeneratedConsumer>
{
    public SolutionGeneratedConsumerDefinition(SandboxOptions sandbox, RetryOptions retry)
        : base(retry.Stores, typeof(SuiteNotFoundException))
    {
        ConcurrentMessageLimit = sandbox.EffectiveWorkers;
        Endpoint(endpoint => endpoint.PrefetchCount = sandbox.EffectiveWorkers);
    }
}
