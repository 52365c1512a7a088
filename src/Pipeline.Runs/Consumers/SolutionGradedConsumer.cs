using MassTransit;
using Pipeline.Contracts;
using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Consumers;

/// <summary>Records one verdict; publishes the run's completion when it was the last one.</summary>
public sealed class SolutionGradedConsumer(RunScorer scorer) : IConsumer<SolutionGraded>
{
    public async Task Consume(ConsumeContext<SolutionGraded> context)
    {
        var completed = await scorer.RecordAsync(context.Message, context.CancellationToken);
        if (completed is not null)
        {
            await context.Publish(completed, context.CancellationToken);
        }
    }
}
