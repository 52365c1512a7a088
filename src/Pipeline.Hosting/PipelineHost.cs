using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Pipeline.Hosting.Health;

namespace Pipeline.Hosting;

/// <summary>
/// The start of a service with no HTTP API of its own (Ingest, Generator, Executor, Scorer): the web host of
/// <see cref="PipelineWebHost"/> serving nothing but its health endpoints, on Health:Port.
/// </summary>
public static class PipelineHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args, string serviceName)
    {
        var builder = PipelineWebHost.CreateBuilder(args, serviceName);
        var health = builder.Configuration.GetSection(HealthOptions.Section).Get<HealthOptions>() ?? new HealthOptions();
        builder.WebHost.UseUrls(health.Port > 0 ? $"http://+:{health.Port}" : "http://127.0.0.1:0");
        return builder;
    }
}
