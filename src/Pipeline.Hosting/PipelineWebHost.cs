using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Pipeline.Hosting.Metrics;

namespace Pipeline.Hosting;

/// <summary>The shared start of a service that serves HTTP (the API host): the same configuration and logging as <see cref="PipelineHost"/>.</summary>
public static class PipelineWebHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args, string serviceName)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables(prefix: "PIPELINE_");
        builder.Services.AddPipelineLogging(builder.Configuration, serviceName);
        builder.Services.AddPipelineMetrics(builder.Configuration, serviceName);
        return builder;
    }
}
