using MassTransit;

namespace Pipeline.Hosting.Retries;

/// <summary>A consumer's endpoint with the Pipeline retry policy: <paramref name="profile"/>, and its own never-succeeding faults.</summary>
public abstract class RetryingConsumerDefinition<TConsumer>(RetryProfile profile, params Type[] permanent) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<TConsumer> consumer, IRegistrationContext context) =>
        endpoint.UsePipelineRetry(profile, permanent);
}
