using MassTransit;
using Pipeline.Contracts;
using Pipeline.Runs;

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

/// <summary>A sample the Executor could not grade and parked (see <see cref="ParkedGenerationConsumer"/>).</summary>
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

/// <summary>"ExceptionType: message" of a fault's first exception, as `lcb errors` shows it.</summary>
internal static class FaultReason
{
    public static string Of(Fault fault) => fault.Exceptions.FirstOrDefault() is { } error
        ? $"{error.ExceptionType[(error.ExceptionType.LastIndexOf('.') + 1)..]}: {error.Message}"
        : "no reason recorded";
}
