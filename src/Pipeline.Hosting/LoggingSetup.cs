using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Formatting.Compact;

namespace Pipeline.Hosting;

/// <summary>Serilog for every process: readable console lines by default, compact JSON when Logging:Json is true.</summary>
public static class LoggingSetup
{
    public static IServiceCollection AddPipelineLogging(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var json = configuration.GetValue<bool>("Logging:Json");
        services.AddSerilog(logger =>
        {
            logger.ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Service", serviceName);
            if (json)
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Service}{MessageKey}: {Message:lj}{NewLine}{Exception}");
            }
        });
        return services;
    }
}
