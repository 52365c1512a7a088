using System.Text;
using Pipeline.Cli;
using Pipeline.Cli.Errors;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.TestSupport;

/// <summary>
/// One virtual host of a <see cref="RabbitBroker"/> and what tests do with its queues beside MassTransit: read what
/// was parked in the _error queues (through the class `lcb errors` uses), take one message, publish raw bytes.
/// </summary>
public sealed class RabbitVirtualHost : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly RabbitBroker _broker;

    internal RabbitVirtualHost(string name, RabbitBroker broker)
    {
        Name = name;
        _broker = broker;
    }

    public string Name { get; }

    public ConnectionFactory Factory() => _broker.Factory(Name);

    public async Task<IReadOnlyList<ParkedMessage>> ParkedAsync()
    {
        await using var queues = await ErrorQueues.ConnectAsync(Factory(), CancellationToken.None);
        return await queues.ListAsync(PipelineQueues.All, CancellationToken.None);
    }

    /// <summary>Polls until <paramref name="enough"/> holds for the parked messages, or fails with what was there.</summary>
    public Task<IReadOnlyList<ParkedMessage>> WaitForParkedAsync(Func<IReadOnlyList<ParkedMessage>, bool> enough, TimeSpan timeout) =>
        Wait.UntilAsync(ParkedAsync, enough, timeout, "enough parked messages");

    /// <summary>The next message's headers (text values) and body, or null if none arrives in time.</summary>
    public async Task<(IReadOnlyDictionary<string, string> Headers, string Body)?> TakeAsync(string queue, TimeSpan within)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            // A fresh channel each poll: asking for a queue that does not exist yet closes the channel.
            await using var channel = await connection.CreateChannelAsync();
            var message = await TryGetAsync(channel, queue);
            if (message is not null)
            {
                var headers = (message.BasicProperties.Headers ?? new Dictionary<string, object?>())
                    .ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? "");
                return (headers, Encoding.UTF8.GetString(message.Body.Span));
            }
            await Task.Delay(Poll);
        }
        return null;
    }

    /// <summary>Bytes straight onto a queue through the default exchange, as a broken or foreign publisher would.</summary>
    public async Task PublishRawAsync(string queue, byte[] body, string contentType)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties { ContentType = contentType, Persistent = true }, body);
    }

    /// <summary>Deletes the virtual host with every queue and exchange in it.</summary>
    public async ValueTask DisposeAsync() => await _broker.CtlAsync("delete_vhost", Name);

    private static async Task<BasicGetResult?> TryGetAsync(IChannel channel, string queue)
    {
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true);
        }
        catch (OperationInterruptedException)
        {
            // The error queue does not exist until MassTransit moves the first message there.
            return null;
        }
    }
}
