using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Generation.Cache;
using Pipeline.Generation.Consumers;
using Pipeline.Generation.ModelClient;
using Pipeline.Generation.SelfRepair;
using Pipeline.Hosting;

namespace Pipeline.Generation;

/// <summary>What the Generator service brings to a bus; used by its own host and by the single-process quick start.</summary>
public static class GeneratorRegistration
{
    /// <param name="endpointName">overrides the kebab-case default queue name (tests use a unique one).</param>
    public static void AddGeneratorConsumers(this IBusRegistrationConfigurator bus, string? endpointName = null)
    {
        var consumer = bus.AddConsumer<GenerateSolutionsConsumer, GenerateSolutionsConsumerDefinition>();
        if (endpointName is not null)
        {
            consumer.Endpoint(endpoint => endpoint.Name = endpointName);
        }
    }

    /// <summary>
    /// The model client (configuration section "ModelServer") and the sample generator. The generation cache and the
    /// self-repair runs' code-generation samples follow the stores (AddPipelineStores): Redis under Stores:KeyPrefix, or in process when Stores:Backend=InMemory.
    /// </summary>
    public static IServiceCollection AddGenerator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelClient(configuration);
        services.AddStore<IGenerationCache, InMemoryGenerationCache>(configuration, (redis, keys) => new RedisGenerationCache(redis, keys));
        services.AddCodegenStore(configuration);
        services.AddSingleton<SampleGenerator>();
        services.AddSingleton<ScenarioSampler>();
        return services;
    }

    /// <summary>The code-generation samples of self-repair runs: read by the Generator, written by whoever starts such a run.</summary>
    public static IServiceCollection AddCodegenStore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddStore<ICodegenStore, InMemoryCodegenStore>(configuration, (redis, keys) => new RedisCodegenStore(redis, keys));
}
