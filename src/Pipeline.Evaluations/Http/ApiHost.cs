using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Pipeline.Evaluations.Http;
using Pipeline.Hosting;

namespace Pipeline.Evaluations.Http;

/// <summary>The API host (minimal APIs on Kestrel, on the bus with no consumers); also built by tests on a free port.</summary>
public static class ApiHost
{
    /// <param name="overrides">configuration that wins over files and environment (tests: their prefix, vhost and port)</param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = PipelineWebHost.CreateBuilder(args, "api");
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        // Port 8080 on every interface unless told otherwise (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, PIPELINE_Urls);
        // set here rather than in appsettings.json, which the lcb tool and tests also receive from this project.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls("http://0.0.0.0:8080");
        }
        builder.Services.AddApi(builder.Configuration);
        builder.Services.AddPipelineBus(builder.Configuration, _ => { });
        var app = builder.Build();
        app.MapEvaluations();
        return app;
    }
}
