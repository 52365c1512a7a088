using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Pipeline.Hosting;

namespace Pipeline.Evaluations.Http;

/// <summary>The API host (minimal APIs on Kestrel, on the bus with no consumers); also built by tests on a free port. Its port is Urls in services/Api/appsettings.json.</summary>
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
        builder.Services.AddApi(builder.Configuration);
        builder.Services.AddPipelineBus(builder.Configuration, _ => { });
        var app = builder.Build();
        app.MapEvaluations();
        return app;
    }
}
