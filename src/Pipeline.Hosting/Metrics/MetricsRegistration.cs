using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Pipeline.Hosting.Metrics;

/// <summary>
/// OpenTelemetry metrics for every Pipeline process: Pipeline's own meter, MassTransit's meter (consume and publish
/// counts and durations per message type) and the queue depth, served for Prometheus on Metrics:Port.
/// </summary>
public static class MetricsRegistration
{
    public static IServiceCollection AddPipelineMetrics(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var options = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<MessageMetricsObserver>();
        services.AddPublishObserver(sp => sp.GetRequiredService<MessageMetricsObserver>());
        services.AddConsumeObserver(sp => sp.GetRequiredService<MessageMetricsObserver>());
        if (options.Port <= 0)
        {
            return services; // the meter still counts, for dotnet-counters; nothing is served or read from the broker
        }
        services.AddSingleton<QueueDepthGauge>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueDepthGauge>());
        services.AddReceiveEndpointObserver(sp => sp.GetRequiredService<QueueDepthGauge>());
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(PipelineMetrics.MeterName, "MassTransit")
                .AddPrometheusHttpListener(listener =>
                {
                    listener.Port = options.Port;
                    // Every interface instead of localhost alone: in a container the scraper is another host.
                    listener.ConfigureHttpListener = (_, http) =>
                    {
                        http.Prefixes.Clear();
                        http.Prefixes.Add($"http://+:{options.Port}/");
                    };
                }));
        return services;
    }
}
