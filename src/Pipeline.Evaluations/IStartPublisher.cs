using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Evaluations;

/// <summary>Sends StartEvaluation to Ingest; behind an interface so the launcher is tested without a bus.</summary>
public interface IStartPublisher
{
    Task PublishAsync(StartEvaluation start, CancellationToken cancellationToken);
}

public sealed class BusStartPublisher(IBus bus) : IStartPublisher
{
    public Task PublishAsync(StartEvaluation start, CancellationToken cancellationToken) => bus.Publish(start, cancellationToken);
}
