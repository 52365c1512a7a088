using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Stores;
using Pipeline.Grading.Consumers;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Verdicts;
using Pipeline.Hosting;

namespace Pipeline.Grading;

/// <summary>What the Executor service brings to a bus; used by its own host and by the single-process quick start.</summary>
public static class ExecutorRegistration
{
    /// <summary>The queue every Executor competes on (unless a test renames it); KEDA scales the Executors on it.</summary>
    public static string Queue => EndpointNames.Of<SolutionsGeneratedConsumer>();

    /// <param name="endpointName">the queue to consume from instead of <see cref="Queue"/> (tests pass a unique one).</param>
    public static void AddExecutorConsumers(this IBusRegistrationConfigurator bus, string? endpointName = null)
    {
        var consumer = bus.AddConsumer<SolutionsGeneratedConsumer, SolutionsGeneratedConsumerDefinition>();
        if (endpointName is not null)
        {
            consumer.Endpoint(endpoint => endpoint.Name = endpointName);
        }
    }

    /// <summary>
    /// The grading engine: sandbox backend (its workers started with the host), grader, suite cache (needs an
    /// <see cref="ISuiteStore"/>) and verdict store, which follows the stores: Redis under Stores:KeyPrefix, or in process
    /// when Stores:Backend=InMemory.
    /// </summary>
    public static IServiceCollection AddExecutorGrading(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ExecutorOptions.Section).Get<ExecutorOptions>() ?? new ExecutorOptions();
        services.AddSingleton(options);
        var sandbox = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        services.AddSingleton(sandbox);
        services.AddSingleton(_ => SandboxFactory.Create(sandbox));
        services.AddHostedService<WorkerWarmUp>();
        services.AddSingleton(provider => new SampleGrader(provider.GetRequiredService<ISandbox>()));
        services.AddSingleton(provider => new SuiteCache(provider.GetRequiredService<ISuiteStore>(), options.SuiteCacheSize));
        services.AddStore<IVerdictStore, InMemoryVerdictStore>(configuration, (redis, keys) => new RedisVerdictStore(redis, keys));
        services.AddSingleton(GraderVersion.Of(sandbox));
        services.AddSingleton(provider => new VerdictSource(
            provider.GetRequiredService<SuiteCache>(), provider.GetRequiredService<SampleGrader>(),
            provider.GetRequiredService<IVerdictStore>(), provider.GetRequiredService<GraderVersion>(), options.ReuseVerdicts));
        return services;
    }
}
