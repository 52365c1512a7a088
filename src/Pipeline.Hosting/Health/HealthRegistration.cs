using HealthChecks.UI.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pipeline.Hosting.Health;

/// <summary>
/// Health endpoints every service serves: <c>/healthz</c> runs every registered check (MassTransit's own bus check,
/// the Redis check <see cref="RedisRegistration"/> adds) and answers 503 while one fails: readiness for an
/// orchestrator. <c>/healthz/live</c> runs none: the process answers, so a broker outage never gets a healthy
/// process restarted by a liveness probe.
/// </summary>
public static class HealthRegistration
{
    public const string ReadyPath = "/healthz";
    public const string LivePath = "/healthz/live";

    public static IServiceCollection AddPipelineHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        services.AddTransient<IStartupFilter, HealthEndpoints>();
        return services;
    }

    /// <summary>Mapped before the host's own pipeline, so a host's Program.cs stays as it is.</summary>
    private sealed class HealthEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
            app.UseHealthChecks(ReadyPath, new HealthCheckOptions { ResponseWriter = UIResponseWriter.WriteHealthCheckUIResponse });
            next(app);
        };
    }
}
