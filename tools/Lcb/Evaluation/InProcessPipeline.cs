using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Executor;
using Pipeline.Generator;
using Pipeline.Hosting;
using Pipeline.Ingest;
using Pipeline.Scorer;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// All four services in this one process, wired exactly as their own hosts wire them, but on the in-memory
/// bus with in-process stores: the quick start needs no broker and no Redis. Grading still runs in the
/// real sandbox.
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
        builder.Services.AddPipelineStores(configuration);
        builder.Services.AddIngestServices(configuration);
        builder.Services.AddGenerator(configuration);
        builder.Services.AddExecutorGrading(configuration);
        builder.Services.AddScorer(configuration);
        builder.Services.AddPipelineBus(configuration, bus =>
        {
            bus.AddIngestConsumers();
            bus.AddGeneratorConsumers();
            bus.AddExecutorConsumers();
            bus.AddScorerConsumers();
        });
        return builder.Build();
    }
}
