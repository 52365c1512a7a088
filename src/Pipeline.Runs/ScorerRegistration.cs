using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Hosting;
using Pipeline.Runs.Consumers;
using Pipeline.Runs.Scoring;

namespace Pipeline.Runs;

/// <summary>What the Scorer service brings to a bus; used by its own host and by the single-process quick start.</summary>
public static class ScorerRegistration
{
    /// <summary>The Scorer's queues, in the order <see cref="AddScorerConsumers"/> binds them.</summary>
    public static IReadOnlyList<string> Queues =>
    [
        EndpointNames.Of<EvaluationStartedConsumer>(), EndpointNames.Of<SolutionsGradedConsumer>(),
        EndpointNames.Of<ParkedGenerationConsumer>(), EndpointNames.Of<ParkedGradingConsumer>(), EndpointNames.Of<FailedStartConsumer>(),
    ];

    /// <param name="instanceId">
    /// when set, the Scorer's queues get this suffix and are deleted with the bus: for tests sharing one broker
    /// </param>
    public static void AddScorerConsumers(this IBusRegistrationConfigurator bus, string? instanceId = null)
    {
        bus.AddConsumer<EvaluationStartedConsumer, EvaluationStartedConsumerDefinition>().Endpoint(e => Isolate(e, instanceId));
        bus.AddConsumer<SolutionsGradedConsumer, SolutionsGradedConsumerDefinition>().Endpoint(e => Isolate(e, instanceId));
        bus.AddConsumer<ParkedGenerationConsumer, ParkedGenerationConsumerDefinition>().Endpoint(e => Isolate(e, instanceId));
        bus.AddConsumer<ParkedGradingConsumer, ParkedGradingConsumerDefinition>().Endpoint(e => Isolate(e, instanceId));
        bus.AddConsumer<FailedStartConsumer, FailedStartConsumerDefinition>().Endpoint(e => Isolate(e, instanceId));
    }

    /// <summary>
    /// The Scorer's logic and its run store, chosen as the shared stores are: Redis by default (keys under
    /// Stores:KeyPrefix), in process with Stores:Backend=InMemory (single-process quick start).
    /// </summary>
    public static IServiceCollection AddScorer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStore<IRunStore, InMemoryRunStore>(configuration, (redis, keys) => new RedisRunStore(redis, keys));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RunScorer>();
        return services;
    }

    private static void Isolate(IEndpointRegistrationConfigurator endpoint, string? instanceId)
    {
        if (instanceId is not null)
        {
            endpoint.InstanceId = instanceId;
            endpoint.Temporary = true;
        }
    }
}
