using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Hosting.Retries;

namespace Pipeline.Hosting;

/// <summary>The one way every Pipeline process joins the bus; services only say which consumers they bring.</summary>
public static class BusRegistration
{
    public static IServiceCollection AddPipelineBus(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator> addConsumers)
    {
        var options = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        services.AddSingleton(options);
        services.AddSingleton(configuration.GetSection(RetryOptions.Section).Get<RetryOptions>() ?? new RetryOptions());
        // Start-up returns only once every endpoint is bound, so nothing published right after start is lost.
        services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StopTimeout = TimeSpan.FromSeconds(30);
            if (options.StartTimeoutSeconds > 0)
            {
                host.StartTimeout = TimeSpan.FromSeconds(options.StartTimeoutSeconds);
            }
        });
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(EndpointNames.Formatter);
            bus.DisableUsageTelemetry(); // it calls an outside host; Pipeline runs beside model servers with no internet
            addConsumers(bus);
            if (options.Transport == BusTransport.InMemory)
            {
                bus.UsingInMemory((context, cfg) => Configure(context, cfg, options));
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(options.Host, options.Port, options.VirtualHost, host =>
                    {
                        host.Username(options.Username);
                        host.Password(options.Password);
                    });
                    Configure(context, cfg, options);
                });
            }
        });
        return services;
    }

    private static void Configure<TEndpoint>(IBusRegistrationContext context, IBusFactoryConfigurator<TEndpoint> cfg, BusOptions options)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        if (options.ConcurrentMessageLimit > 0)
        {
            cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        }
        cfg.UseConsumeFilter(typeof(Logging.MessageLogScopeFilter<>), context);
        cfg.ConfigureEndpoints(context);
    }
}
