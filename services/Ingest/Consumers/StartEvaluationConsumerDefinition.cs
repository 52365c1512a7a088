using MassTransit;
using Pipeline.Hosting.Retries;
using Pipeline.Ingest.Dataset;

namespace Pipeline.Ingest.Consumers;

/// <summary>Redis or broker outages are retried; a dataset that cannot be read or selected from is parked at once.</summary>
public sealed class StartEvaluationConsumerDefinition(RetryOptions retry) : ConsumerDefinition<StartEvaluationConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<StartEvaluationConsumer> consumer, IRegistrationContext context) =>
        endpoint.UsePipelineRetry(retry.Stores, typeof(DatasetException));
}
