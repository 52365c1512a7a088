using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Pipeline.Hosting.Health;
using Pipeline.Hosting.Metrics;

namespace Pipeline.Hosting;

/// <summary>
/// The shared start of every service: configuration from appsettings and PIPELINE_-prefixed environment, logging,
/// metrics and the health endpoints. The API host serves its own URLs; the others go through <see cref="PipelineHost"/>.
/// </summary>
public static class PipelineWebHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args, string serviceName)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables(prefix: "PIPELINE_");
        builder.Services.AddPipelineLogging(builder.Configuration, serviceName);
        builder.Services.AddPipelineMetrics(builder.Configuration, serviceName);
        builder.Services.AddPipelineHealth();
        return builder;
    }
}
