using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Grading;
using Pipeline.Generation;
using Pipeline.Hosting;
using Pipeline.Dataset.Ingest;
using Pipeline.Runs;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// All four services in this one process, wired exactly as their own hosts wire them, but on the in-memory
/// bus with in-process stores: the quick start needs no broker and no Redis. Grading still runs in the
/// real sandbox. Settings override every default (fault tests put the same wiring on RabbitMQ and Redis).
/// </summary>
public static class InProcessPipeline
{
    public static IHost Build(string datasetSource, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "InMemory",
            ["Stores:Backend"] = "InMemory",
            ["Dataset:Source"] = datasetSource,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var configuration = builder.Configuration;
        builder.Services.AddPipelineLogging(configuration, "lcb");
        AddAllServices(builder.Services, configuration);
        return builder.Build();
    }

    /// <summary>The four services' classes and consumers; the configuration chooses the bus (Bus:Transport) and the stores (Stores:Backend).</summary>
    public static void AddAllServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPipelineStores(configuration);
        services.AddIngestServices(configuration);
        services.AddGenerator(configuration);
        services.AddExecutorGrading(configuration);
        services.AddScorer(configuration);
        services.AddPipelineBus(configuration, bus =>
        {
            bus.AddIngestConsumers();
            bus.AddGeneratorConsumers();
            bus.AddExecutorConsumers();
            bus.AddScorerConsumers();
        });
    }
}
