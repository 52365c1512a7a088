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
