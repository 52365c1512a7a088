using MassTransit;
using Pipeline.Contracts;
using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Consumers;

/// <summary>Records a message's verdicts; publishes the run's completion when they were its last ones.</summary>
public sealed class SolutionsGradedConsumer(RunScorer scorer) : IConsumer<SolutionsGraded>
{
    public async Task Consume(ConsumeContext<SolutionsGraded> context)
    {
        var completed = await scorer.RecordAsync(context.Message, context.CancellationToken);
        if (completed is not null)
        {
            await context.Publish(completed, context.CancellationToken);
        }
    }
}
