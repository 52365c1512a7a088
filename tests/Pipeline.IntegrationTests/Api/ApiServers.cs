using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Evaluations.Http;
using Pipeline.Contracts;
using Pipeline.Hosting;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.IntegrationTests.Scorer;
using Pipeline.Runs;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Api;

/// <summary>
/// One test's world on the shared servers: its own RabbitMQ virtual host and Redis key prefix, API hosts on free
/// Kestrel ports, and a probe host that records every StartEvaluation and runs the real Scorer consumers in process.
/// </summary>
internal sealed class ApiServers : IAsyncDisposable
{
    private readonly string id = Guid.NewGuid().ToString("N")[..12];
    private readonly List<WebApplication> apis = [];
    private RabbitVirtualHost? virtualHost;
    private IHost? probe;
    private IConnectionMultiplexer? redis;

    public ConcurrentQueue<StartEvaluation> Started { get; } = new();

    public string KeyPrefix => $"test-api-{id}:";

    public IBus ProbeBus => probe!.Services.GetRequiredService<IBus>();

    public static async Task<ApiServers> StartAsync()
    {
        var servers = new ApiServers();
        servers.redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
        servers.virtualHost = await RabbitBroker.Shared.CreateVirtualHostAsync($"test-api-{servers.id}");
        servers.probe = servers.BuildProbe();
        await servers.probe.StartAsync();
        return servers;
    }

    /// <summary>Starts an API host; with <paramref name="watch"/>, its checkpoint watcher too (section Watch).</summary>
    public async Task<(WebApplication App, HttpClient Http)> StartApiAsync(IReadOnlyDictionary<string, string>? watch = null)
    {
        var settings = Common();
        settings["Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in watch ?? new Dictionary<string, string>())
        {
            settings[$"Watch:{key}"] = value;
        }
        var app = ApiHost.Build([], settings);
        await app.StartAsync();
        apis.Add(app);
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    public async Task StopApiAsync(WebApplication app)
    {
        apis.Remove(app);
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apis.ToList())
        {
            await StopApiAsync(app);
        }
        if (probe is not null)
        {
            await probe.StopAsync();
            probe.Dispose();
        }
        if (virtualHost is not null)
        {
            await virtualHost.DisposeAsync();
        }
        if (redis is not null)
        {
            await TestKeys.DeleteAsync(redis, KeyPrefix);
            await redis.DisposeAsync();
        }
    }

    /// <summary>The bus and stores of this test (sections Bus, Redis, Stores), for other hosts joining it.</summary>
    public IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(Common()).Build();

    private Dictionary<string, string?> Common() => Servers.Settings(KeyPrefix, virtualHost!.Name);

    private IHost BuildProbe()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Common());
        builder.Services.AddSingleton(Started);
        builder.Services.AddSingleton(ScorerProblems.Store);
        builder.Services.AddScorer(builder.Configuration);
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
        {
            bus.AddScorerConsumers();
            bus.AddConsumer<StartProbe>();
        });
        return builder.Build();
    }

    private sealed class StartProbe(ConcurrentQueue<StartEvaluation> started) : IConsumer<StartEvaluation>
    {
        public Task Consume(ConsumeContext<StartEvaluation> context)
        {
            started.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}
