using MassTransit;
using Pipeline.Contracts;
using Pipeline.Grading.Verdicts;

namespace Pipeline.Grading.Consumers;

/// <summary>
/// Grades the samples of one message across the sandbox workers and publishes their official verdicts in one message.
/// A fault of ours (sandbox died, suite missing) on any sample throws once all are done and publishes nothing, so the
/// message is retried (samples already graded come back from the verdict store) and finally parked in the error
/// queue: none of its samples is scored. Code already graded on the same suite gets its stored verdict
/// (<see cref="VerdictSource"/>).
/// </summary>
public sealed class SolutionsGeneratedConsumer(VerdictSource verdicts) : IConsumer<SolutionsGenerated>
{
    public async Task Consume(ConsumeContext<SolutionsGenerated> context)
    {
        var message = context.Message;
        var graded = await Task.WhenAll(message.Solutions.Select(sample => GradeAsync(sample, context.CancellationToken)));
        await context.Publish(new SolutionsGraded
        {
            RunId = message.RunId,
            ProblemId = message.ProblemId,
            Verdicts = graded,
        }, context.CancellationToken);
    }

    private async Task<SolutionGraded> GradeAsync(SolutionGenerated sample, CancellationToken cancellationToken)
    {
        var (outcome, reused) = await verdicts.GetAsync(sample.SuiteHash, sample.Code, sample.TimeoutSeconds, cancellationToken);
        return new SolutionGraded
        {
            RunId = sample.RunId,
            ProblemId = sample.ProblemId,
            SampleIndex = sample.SampleIndex,
            Results = outcome.Results,
            Passed = outcome.Passed,
            MetadataJson = outcome.MetadataJson,
            Code = sample.Code,
            RawOutput = sample.RawOutput,
            GradingMs = reused ? 0 : outcome.GradingMs,
            Reused = reused,
            PromptTokens = sample.PromptTokens,
            CompletionTokens = sample.CompletionTokens,
            LatencyMs = sample.LatencyMs,
            GenerationIssue = sample.GenerationIssue,
            Truncated = sample.Truncated,
            ReasoningContent = sample.ReasoningContent,
        };
    }
}
