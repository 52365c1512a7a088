using MassTransit;
using Pipeline.Contracts;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Verdicts;
using Pipeline.Hosting.Retries;

namespace Pipeline.Grading.Consumers;

/// <summary>
/// Grades one sample and publishes its official verdict. A fault of ours (sandbox died, suite missing)
/// throws, so the message is retried and finally parked in the error queue: it is never scored. Code already
/// graded on the same suite gets its stored verdict (<see cref="VerdictSource"/>).
/// </summary>
public sealed class SolutionGeneratedConsumer(VerdictSource verdicts) : IConsumer<SolutionGenerated>
{
    public async Task Consume(ConsumeContext<SolutionGenerated> context)
    {
        var message = context.Message;
        var (outcome, reused) = await verdicts.GetAsync(message.SuiteHash, message.Code, message.TimeoutSeconds, context.CancellationToken);
        await context.Publish(new SolutionGraded
        {
            RunId = message.RunId,
            ProblemId = message.ProblemId,
            SampleIndex = message.SampleIndex,
            Results = outcome.Results,
            Passed = outcome.Passed,
            MetadataJson = outcome.MetadataJson,
            Code = message.Code,
            RawOutput = message.RawOutput,
            GradingMs = reused ? 0 : outcome.GradingMs,
            Reused = reused,
            PromptTokens = message.PromptTokens,
            CompletionTokens = message.CompletionTokens,
            LatencyMs = message.LatencyMs,
            GenerationIssue = message.GenerationIssue,
            Truncated = message.Truncated,
            ReasoningContent = message.ReasoningContent,
        }, context.CancellationToken);
    }
}

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
