using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pipeline.Hosting.Metrics;

namespace Pipeline.Hosting;

/// <summary>The shared start of every service: configuration from appsettings and PIPELINE_-prefixed environment, then logging.</summary>
public static class PipelineHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args, string serviceName)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ApplicationName = serviceName,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables(prefix: "PIPELINE_");
        builder.Services.AddPipelineLogging(builder.Configuration, serviceName);
        builder.Services.AddPipelineMetrics(builder.Configuration, serviceName);
        return builder;
    }
}
