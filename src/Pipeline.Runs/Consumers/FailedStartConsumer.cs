using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Runs.Consumers;

/// <summary>A start Ingest refused: the run is recorded as failed with the reason, so it never just vanishes.</summary>
public sealed class FailedStartConsumer(IRunStore runs, TimeProvider clock) : IConsumer<Fault<StartEvaluation>>
{
    public Task Consume(ConsumeContext<Fault<StartEvaluation>> context)
    {
        var start = context.Message.Message;
        return runs.RecordFailedStartAsync(new FailedStart
        {
            RunId = start.RunId,
            Model = start.Model,
            BaseUrl = start.BaseUrl,
            Reason = FaultReason.Of(context.Message),
            FailedAt = clock.GetUtcNow(),
        }, context.CancellationToken);
    }
}
