using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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

    /// <summary>Runs the API host until it stops; settings it cannot use (section Watch) stop it at once with one log line naming them, exit code 1.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        try
        {
            // The checks ValidateOnStart registered, run before the host starts: the host would log their failure with a stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException error)
        {
            app.Logger.LogCritical("The API did not start: {Settings}", string.Join("; ", error.Failures));
            return 1;
        }
    }
}
