using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Dataset.Consumers;
using Pipeline.Hosting;

namespace Pipeline.Dataset.Ingest;

/// <summary>What the Ingest service brings to a bus; used by its own host and by the single-process quick start.</summary>
public static class IngestRegistration
{
    /// <summary>The queues Ingest consumes from (unless a test renames them): starts, and the checks before a start.</summary>
    public static IReadOnlyList<string> Queues => [EndpointNames.Of<StartEvaluationConsumer>(), EndpointNames.Of<CheckSelectionConsumer>()];

    /// <param name="endpoint">adjusts the receive endpoint, e.g. a unique temporary queue in tests.</param>
    public static void AddIngestConsumers(this IBusRegistrationConfigurator bus, Action<IEndpointRegistrationConfigurator>? endpoint = null)
    {
        var consumer = bus.AddConsumer<StartEvaluationConsumer, StartEvaluationConsumerDefinition>();
        var check = bus.AddConsumer<CheckSelectionConsumer>();
        if (endpoint is not null)
        {
            consumer.Endpoint(endpoint);
            check.Endpoint(endpoint);
        }
    }

    /// <summary>The dataset location (Dataset:Source) and the classes the consumer delegates to; stores are registered separately.</summary>
    public static IServiceCollection AddIngestServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(DatasetOptions.Section).Get<DatasetOptions>() ?? new DatasetOptions());
        services.AddSingleton<DatasetIngestor>();
        services.AddSingleton<IngestPlanner>();
        services.AddSingleton<SelectionCheck>();
        return services;
    }
}
