using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Evaluations.Http;
using Pipeline.Contracts;
using Pipeline.Dataset.Consumers;
using Pipeline.Dataset.Ingest;
using Pipeline.Hosting;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.IntegrationTests.Scorer;
using Pipeline.Runs;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Api;

/// <summary>
/// One test's world on the shared servers: its own RabbitMQ virtual host and Redis key prefix, API hosts on free
/// Kestrel ports, and a probe host that records every StartEvaluation and runs the real Scorer consumers in process, and
/// Ingest's real selection check on the bundled one-file dataset (tests/data/lcb/problems.jsonl).
/// </summary>
internal sealed class ApiServers : IAsyncDisposable
{
    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private readonly List<WebApplication> _apis = [];
    private RabbitVirtualHost? _virtualHost;
    private IHost? _probe;
    private IConnectionMultiplexer? _redis;

    public ConcurrentQueue<StartEvaluation> Started { get; } = new();

    public string KeyPrefix => $"test-api-{_id}:";

    public IBus ProbeBus => _probe!.Services.GetRequiredService<IBus>();

    public static async Task<ApiServers> StartAsync()
    {
        var servers = new ApiServers();
        servers._redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
        servers._virtualHost = await RabbitBroker.Shared.CreateVirtualHostAsync($"test-api-{servers._id}");
        servers._probe = servers.BuildProbe();
        await servers._probe.StartAsync();
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
        _apis.Add(app);
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    public async Task StopApiAsync(WebApplication app)
    {
        _apis.Remove(app);
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apis.ToList())
        {
            await StopApiAsync(app);
        }
        if (_probe is not null)
        {
            await _probe.StopAsync();
            _probe.Dispose();
        }
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
        if (_redis is not null)
        {
            await TestKeys.DeleteAsync(_redis, KeyPrefix);
            await _redis.DisposeAsync();
        }
    }

    /// <summary>The bus and stores of this test (sections Bus, Redis, Stores), for other hosts joining it.</summary>
    public IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(Common()).Build();

    private Dictionary<string, string?> Common() => Servers.Settings(KeyPrefix, _virtualHost!.Name);

    private IHost BuildProbe()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Common());
        builder.Services.AddSingleton(Started);
        builder.Services.AddScorer(builder.Configuration);
        builder.Services.AddSingleton(new SelectionCheck(new DatasetOptions { Source = LcbTestData.ProblemsFile }));
        builder.Services.AddPipelineBus(builder.Configuration, bus =>
        {
            bus.AddScorerConsumers();
            bus.AddConsumer<StartProbe>();
            bus.AddConsumer<CheckSelectionConsumer>();
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
