using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Runs.Consumers;

/// <summary>
/// MassTransit publishes Fault&lt;T&gt; when a consumer gives up on a message and parks it: the Scorer keeps that in
/// the run's state, so a run whose work is parked says so instead of waiting for ever.
/// </summary>
public sealed class ParkedGenerationConsumer(IRunStore runs) : IConsumer<Fault<GenerateSolutions>>
{
    public Task Consume(ConsumeContext<Fault<GenerateSolutions>> context)
    {
        var command = context.Message.Message;
        return runs.RecordParkedAsync(command.RunId, new ParkedWork
        {
            ProblemId = command.ProblemId,
            Samples = command.Sampling.N,
            Stage = ParkedWork.Generation,
            Reason = FaultReason.Of(context.Message),
        }, context.CancellationToken);
    }
}
