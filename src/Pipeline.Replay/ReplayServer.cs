using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Replay.Faults;
using Pipeline.Replay.Recordings;

namespace Pipeline.Replay;

/// <summary>
/// A small OpenAI-compatible model server on 127.0.0.1 that answers from recorded outputs; for tests,
/// demos, benchmarks and offline re-scoring. Hosted by `lcb serve-replay` and by test fixtures.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ReplayServer(WebApplication app, ReplayModels models, FaultInjector faults)
    {
        this.app = app;
        Models = models;
        Faults = faults;
    }

    public ReplayModels Models { get; }

    public FaultInjector Faults { get; }

    /// <summary>The server root, e.g. http://127.0.0.1:5123 (the API lives under /v1).</summary>
    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    public static async Task<ReplayServer> StartAsync(ReplayServerOptions options, CancellationToken cancellationToken = default)
    {
        var models = new ReplayModels();
        foreach (var (name, files) in options.Models)
        {
            models.Add(name, files);
        }
        foreach (var (name, problems) in options.Recorded)
        {
            models.Add(name, problems);
        }
        var faults = new FaultInjector(options.Faults);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        var app = builder.Build();
        ReplayEndpoints.Map(app, models, faults);
        await app.StartAsync(cancellationToken);
        return new ReplayServer(app, models, faults);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
