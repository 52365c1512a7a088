using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Evaluations;
using Pipeline.Evaluations.Dashboard;
using Pipeline.Evaluations.SelfRepair;
using Pipeline.Evaluations.Checks;
using Pipeline.Evaluations.Watching;
using Pipeline.Generation;
using Pipeline.Generation.ModelClient;
using Pipeline.Hosting;
using Pipeline.Runs;
using Pipeline.Runs.Published;

namespace Pipeline.Evaluations.Http;

/// <summary>What the API host runs: the evaluation endpoints' services and, when Watch:BaseUrl is set, the checkpoint watcher.</summary>
public static class ApiRegistration
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        // The Scorer's run store is what GET /evaluations reads; its registration also needs the shared stores.
        services.AddPipelineStores(configuration);
        services.AddScorer(configuration);
        services.AddEvaluationLauncher(configuration);
        services.AddStartChecks(configuration);
        services.AddSingleton<EvaluationQueries>();
        services.AddStore<IPublishedScoreStore, InMemoryPublishedScoreStore>(configuration, (redis, keys) => new RedisPublishedScoreStore(redis, keys));
        services.AddDashboard();
        services.AddCodegenStore(configuration);
        services.AddSingleton<CodegenRunReader>();
        services.AddSingleton<SelfRepairStart>();
        // Checked as the host starts (one line naming the setting), so the settings are built only once that passed.
        services.AddOptions<WatchOptions>().Bind(configuration.GetSection(WatchOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WatchOptions>, WatchOptionsValidation>();
        var watch = configuration.GetSection(WatchOptions.Section).Get<WatchOptions>() ?? new WatchOptions();
        if (!string.IsNullOrWhiteSpace(watch.BaseUrl))
        {
            services.AddCheckpointWatcher(provider => provider.GetRequiredService<IOptions<WatchOptions>>().Value.ToSettings(), watch.ApiKey, configuration);
            services.AddHostedService<CheckpointWatchService>();
        }
        return services;
    }

    /// <summary>
    /// The ledger, chosen as the shared stores are (Redis under Stores:KeyPrefix, or in process with
    /// Stores:Backend=InMemory), and the launcher that publishes StartEvaluation on the host's bus.
    /// </summary>
    public static IServiceCollection AddEvaluationLauncher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStore<IEvaluationLedger, InMemoryEvaluationLedger>(configuration, (redis, keys) => new RedisEvaluationLedger(redis, keys));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStartPublisher, BusStartPublisher>();
        services.AddSingleton<EvaluationLauncher>();
        return services;
    }

    /// <summary>
    /// The watcher and its model client. A poll should fail fast and be tried again next interval, not wait out the
    /// Generator's long retry schedule: 2 retries and 30 s per attempt unless section ModelServer says otherwise.
    /// </summary>
    public static IServiceCollection AddCheckpointWatcher(this IServiceCollection services, WatchSettings settings, IConfiguration configuration) =>
        services.AddCheckpointWatcher(_ => settings, settings.Template.ModelServer.ApiKey, configuration);

    /// <param name="settings">built when the watcher is first needed (the API host's, once its options passed validation)</param>
    /// <param name="apiKey">the watched runs' own key, which the model list is asked with too; null: ModelServer:ApiKey, else OPENAI_API_KEY</param>
    public static IServiceCollection AddCheckpointWatcher(
        this IServiceCollection services, Func<IServiceProvider, WatchSettings> settings, string? apiKey, IConfiguration configuration)
    {
        var modelServer = new ModelServerOptions { MaxRetryAttempts = 2, AttemptTimeout = TimeSpan.FromSeconds(30) };
        configuration.GetSection(ModelServerOptions.Section).Bind(modelServer);
        modelServer.ApiKey = string.IsNullOrEmpty(apiKey) ? modelServer.ApiKey ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY") : apiKey;
        services.AddModelClient(modelServer);
        services.AddSingleton(settings);
        services.AddStartChecks(configuration);
        services.TryAddSingleton<IModelCatalog, ModelServerCatalog>();
        services.AddSingleton<CheckpointWatcher>();
        return services;
    }
}
