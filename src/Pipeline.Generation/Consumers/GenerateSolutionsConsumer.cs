using MassTransit;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Generation;

namespace Pipeline.Generation.Consumers;

/// <summary>
/// One problem in, its samples out in messages of up to <see cref="SamplesPerMessage"/>. A model server that keeps
/// failing after the client's retries faults the message, which MassTransit moves to the _error queue with the reason.
/// </summary>
public sealed class GenerateSolutionsConsumer(IProblemStore problems, ScenarioSampler sampler) : IConsumer<GenerateSolutions>
{
    /// <summary>
    /// Past ten samples a message, the bus's cost per sample is already a tenth of one message's (bench `bus`); larger
    /// messages would only make the work the Executors share out coarser (docs/decisions/028).
    /// </summary>
    public const int SamplesPerMessage = 10;

    public async Task Consume(ConsumeContext<GenerateSolutions> context)
    {
        var command = context.Message;
        var problem = await problems.GetAsync(command.ProblemId, context.CancellationToken)
            ?? throw new ProblemNotFoundException($"problem '{command.ProblemId}' is not in the problem store; ingest it first");
        var samples = await sampler.SampleAsync(command, problem, context.CancellationToken);
        await context.PublishBatch(samples.Chunk(SamplesPerMessage).Select(chunk => new SolutionsGenerated
        {
            RunId = command.RunId,
            ProblemId = command.ProblemId,
            Solutions = chunk.Select(sample => Solution(command, sample)).ToList(),
        }), context.CancellationToken);
    }

    private static SolutionGenerated Solution(GenerateSolutions command, GeneratedSample sample) => new()
    {
        RunId = command.RunId,
        ProblemId = command.ProblemId,
        SampleIndex = sample.SampleIndex,
        SuiteHash = command.SuiteHash,
        Code = sample.Code,
        TimeoutSeconds = command.TimeoutSeconds,
        RawOutput = sample.RawOutput,
        PromptTokens = sample.PromptTokens,
        CompletionTokens = sample.CompletionTokens,
        LatencyMs = sample.LatencyMs,
        GenerationIssue = sample.Issue,
        ReasoningContent = sample.Reasoning,
        Truncated = sample.Truncated,
    };
}
