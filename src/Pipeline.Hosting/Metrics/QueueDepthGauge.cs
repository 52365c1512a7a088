using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Hosting.Metrics;

/// <summary>
/// Messages waiting in this service's queues and in their _error queues (pipeline.queue.depth, tag queue).
/// The queues are the receive endpoints the bus starts; their depth is read by passive declares on a connection of
/// its own every few seconds, because an observable gauge's callback must not wait on the broker.
/// </summary>
public sealed class QueueDepthGauge : BackgroundService, IReceiveEndpointObserver
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly BusOptions _bus;
    private readonly ILogger<QueueDepthGauge> _logger;
    private readonly ConcurrentDictionary<string, long> _depths = new();

    public QueueDepthGauge(PipelineMetrics metrics, BusOptions bus, ILogger<QueueDepthGauge> logger)
    {
        _bus = bus;
        _logger = logger;
        metrics.Meter.CreateObservableGauge("pipeline.queue.depth", Observe, "{message}", "Messages ready in a queue");
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        if (QueueOf(ready.InputAddress) is { } queue)
        {
            _depths.TryAdd(queue, 0);
            _depths.TryAdd(queue + "_error", 0);
        }
        return Task.CompletedTask;
    }

    /// <summary>The queue behind a durable receive endpoint; null for the bus's own temporary endpoint.</summary>
    public static string? QueueOf(Uri inputAddress) =>
        inputAddress.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase)
            || inputAddress.Query.Contains("autodelete=true", StringComparison.OrdinalIgnoreCase)
            ? null
            : inputAddress.Segments[^1];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_bus.Transport != BusTransport.RabbitMq)
        {
            return;
        }
        var factory = BrokerConnections.Factory(_bus, "pipeline-queue-depth");
        using var timer = new PeriodicTimer(Interval);
        IConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    connection ??= await factory.CreateConnectionAsync(stoppingToken);
                    await RefreshAsync(connection, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The broker restarting is no reason to stop the service: the depth is stale until it is back.
                    _logger.LogDebug(error, "queue depth not read; reconnecting in {Interval}", Interval);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private async Task RefreshAsync(IConnection connection, CancellationToken cancellation)
    {
        foreach (var queue in _depths.Keys)
        {
            // A channel per queue: declaring a queue that does not exist (no _error queue yet) closes its channel.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellation);
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(queue, cancellation);
                _depths[queue] = declared.MessageCount;
            }
            catch (OperationInterruptedException)
            {
                _depths[queue] = 0;
            }
        }
    }

    private IEnumerable<Measurement<long>> Observe() =>
        _depths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("queue", d.Key)));

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
