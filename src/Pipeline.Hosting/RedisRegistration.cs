using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Pipeline.Hosting;

/// <summary>
/// One Redis connection per process, from Redis:Configuration (StackExchange.Redis syntax, default localhost:6379),
/// and its health check ("redis", on /healthz).
/// </summary>
public static class RedisRegistration
{
    public static IServiceCollection AddPipelineRedis(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(IConnectionMultiplexer)))
        {
            return services; // one connection and one check, however many registrations ask for Redis
        }
        var options = ConfigurationOptions.Parse(configuration["Redis:Configuration"] ?? "localhost:6379");
        // A first connection slower than the connect timeout (a busy host starting several services) must not
        // throw out of the first consumer that asks for Redis, dead-lettering its message: keep connecting in
        // the background instead, as StackExchange.Redis recommends for services. An explicit abortConnect=true wins.
        if (!(configuration["Redis:Configuration"] ?? "").Contains("abortConnect", StringComparison.OrdinalIgnoreCase))
        {
            options.AbortOnConnectFail = false;
        }
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddHealthChecks().AddRedis(provider => provider.GetRequiredService<IConnectionMultiplexer>(), name: "redis");
        return services;
    }
}
