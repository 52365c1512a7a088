using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Runs.Consumers;

/// <summary>
/// Samples the Executor could not grade and parked (as <see cref="ParkedGenerationConsumer"/> does for generation):
/// a message is parked whole, and each of its samples is recorded, so each one's record ends when its verdict arrives.
/// </summary>
public sealed class ParkedGradingConsumer(IRunStore runs) : IConsumer<Fault<SolutionsGenerated>>
{
    public async Task Consume(ConsumeContext<Fault<SolutionsGenerated>> context)
    {
        var message = context.Message.Message;
        var reason = FaultReason.Of(context.Message);
        foreach (var sample in message.Solutions)
        {
            await runs.RecordParkedAsync(message.RunId, new ParkedWork
            {
                ProblemId = sample.ProblemId,
                SampleIndex = sample.SampleIndex,
                Samples = 1,
                Stage = ParkedWork.Grading,
                Reason = reason,
            }, context.CancellationToken);
        }
    }
}
