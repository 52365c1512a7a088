using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MassTransit;
using Pipeline.Generation.ModelClient;

namespace Pipeline.Evaluations.Checks;

/// <summary>Configuration section "StartChecks": how long Ingest gets to answer whether a selection would start a run.</summary>
public sealed class StartCheckOptions
{
    public const string Section = "StartChecks";

    /// <summary>Ingest reads the selection's rows to answer: a whole release is a few GB of JSON on a busy machine.</summary>
    public double IngestTimeoutSeconds { get; set; } = 30;
}

/// <summary>The checks before a start, for every process that starts runs on a bus (API host, lcb eval, lcb watch).</summary>
public static class StartCheckRegistration
{
    /// <summary>The checks, and the model-server key they ask with when a run brings none (ModelServer:ApiKey, else OPENAI_API_KEY).</summary>
    public static IServiceCollection AddStartChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StartCheckOptions.Section).Get<StartCheckOptions>() ?? new StartCheckOptions();
        services.TryAddSingleton(options);
        services.TryAddSingleton(new ConfiguredApiKey(
            configuration[$"{ModelServerOptions.Section}:{nameof(ModelServerOptions.ApiKey)}"] ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY")));
        services.TryAddSingleton<IModelServerCheck, HttpModelServerCheck>();
        services.TryAddSingleton<ISelectionChecker>(provider => new BusSelectionChecker(
            provider.GetRequiredService<IClientFactory>(), TimeSpan.FromSeconds(options.IngestTimeoutSeconds)));
        services.TryAddSingleton<StartChecks>();
        return services;
    }
}

/// <summary>The model server's key from this process's configuration; a run's own key wins over it.</summary>
public sealed record ConfiguredApiKey(string? Value);
