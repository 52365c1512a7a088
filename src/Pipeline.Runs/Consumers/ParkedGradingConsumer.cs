using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Runs.Consumers;

/// <summary>A sample the Executor could not grade and parked (as <see cref="ParkedGenerationConsumer"/> does for generation).</summary>
public sealed class ParkedGradingConsumer(IRunStore runs) : IConsumer<Fault<SolutionGenerated>>
{
    public Task Consume(ConsumeContext<Fault<SolutionGenerated>> context)
    {
        var sample = context.Message.Message;
        return runs.RecordParkedAsync(sample.RunId, new ParkedWork
        {
            ProblemId = sample.ProblemId,
            SampleIndex = sample.SampleIndex,
            Samples = 1,
            Stage = ParkedWork.Grading,
            Reason = FaultReason.Of(context.Message),
        }, context.CancellationToken);
    }
}
