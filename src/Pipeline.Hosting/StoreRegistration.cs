using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Core.Stores;
using StackExchange.Redis;

namespace Pipeline.Hosting;

/// <summary>
/// The one place the stores are chosen: Redis by default (Stores:Backend=Redis, keys under Stores:KeyPrefix through
/// <see cref="RedisKeys"/>), or in process (Stores:Backend=InMemory) for the single-process quick start. Every
/// library registers its store (verdicts, generation cache, runs, ledger) through <see cref="AddStore"/>.
/// </summary>
public static class StoreRegistration
{
    /// <summary>The problem and suite stores every service shares.</summary>
    public static IServiceCollection AddPipelineStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStore<ISuiteStore, InMemorySuiteStore>(configuration, (redis, keys) => new RedisSuiteStore(redis, keys));
        services.AddStore<IProblemStore, InMemoryProblemStore>(configuration, (redis, keys) => new RedisProblemStore(redis, keys));
        return services;
    }

    /// <summary>One store as the configuration says: <typeparamref name="TInMemory"/>, or the one <paramref name="redis"/> builds.</summary>
    public static IServiceCollection AddStore<TStore, TInMemory>(
        this IServiceCollection services, IConfiguration configuration, Func<IConnectionMultiplexer, RedisKeys, TStore> redis)
        where TStore : class
        where TInMemory : class, TStore, new()
    {
        var section = configuration.GetSection("Stores");
        if (string.Equals(section["Backend"], "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<TStore, TInMemory>();
            return services;
        }
        services.AddPipelineRedis(configuration);
        services.TryAddSingleton(new RedisKeys(section["KeyPrefix"] ?? RedisKeys.DefaultPrefix));
        services.AddSingleton(provider => redis(provider.GetRequiredService<IConnectionMultiplexer>(), provider.GetRequiredService<RedisKeys>()));
        return services;
    }
}
