using MassTransit;
using Pipeline.Hosting.Retries;

namespace Pipeline.Scorer.Consumers;

/// <summary>Redis or broker outages are retried; an inconsistent run or verdict (InvalidDataException) is parked at once.</summary>
public sealed class EvaluationStartedConsumerDefinition(RetryOptions retry) : ConsumerDefinition<EvaluationStartedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<EvaluationStartedConsumer> consumer, IRegistrationContext context) =>
        endpoint.UsePipelineRetry(retry.Stores);
}

/// <summary>Redis or broker outages are retried; a verdict that does not fit its run is parked at once.</summary>
public sealed class SolutionGradedConsumerDefinition(RetryOptions retry) : ConsumerDefinition<SolutionGradedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<SolutionGradedConsumer> consumer, IRegistrationContext context) =>
        endpoint.UsePipelineRetry(retry.Stores);
}
