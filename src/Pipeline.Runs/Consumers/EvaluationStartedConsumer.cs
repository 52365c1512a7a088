using MassTransit;
using Pipeline.Contracts;
using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Consumers;

/// <summary>Registers a run; publishes its completion if every verdict was already in (they travel on another queue).</summary>
public sealed class EvaluationStartedConsumer(RunScorer scorer, TimeProvider clock) : IConsumer<EvaluationStarted>
{
    public async Task Consume(ConsumeContext<EvaluationStarted> context)
    {
        var startedAt = context.SentTime is { } sent ? new DateTimeOffset(sent, TimeSpan.Zero) : clock.GetUtcNow();
        var completed = await scorer.RegisterAsync(context.Message, startedAt, context.CancellationToken);
        if (completed is not null)
        {
            await context.Publish(completed, context.CancellationToken);
        }
    }
}
