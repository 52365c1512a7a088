using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Cli.Errors;

/// <summary>
/// The _error queues of one RabbitMQ virtual host, read and emptied without losing or reordering anything:
/// messages are taken with basic.get and left unacknowledged, so closing the channel puts back every message
/// not explicitly moved, in its original place; a moved message is acknowledged only once its republish is confirmed.
/// </summary>
public sealed class ErrorQueues(IConnection connection) : IAsyncDisposable
{
    public const string Suffix = "_error";

    /// <summary>The receive endpoints of the Pipeline services (kebab-case names of their consumers).</summary>
    public static readonly IReadOnlyList<string> PipelineQueues =
        ["start-evaluation", "generate-solutions", "solution-generated", "evaluation-started", "solution-graded",
            "parked-generation", "parked-grading", "failed-start"];

    public static async Task<ErrorQueues> ConnectAsync(ConnectionFactory factory, CancellationToken cancellationToken) =>
        new(await factory.CreateConnectionAsync(cancellationToken));

    /// <summary>"generate-solutions" or "generate-solutions_error" both name the queue "generate-solutions".</summary>
    public static string QueueName(string name) => name.EndsWith(Suffix, StringComparison.Ordinal) ? name[..^Suffix.Length] : name;

    /// <summary>Every message parked for <paramref name="queues"/>, in queue order; an _error queue that does not exist holds nothing.</summary>
    public async Task<IReadOnlyList<ParkedMessage>> ListAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var parked = new List<ParkedMessage>();
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var count = await ParkedCountAsync(channel, queue, cancellationToken);
            for (var taken = 0; taken < count; taken++)
            {
                if (await channel.BasicGetAsync(queue + Suffix, autoAck: false, cancellationToken) is not { } message)
                {
                    break;
                }
                parked.Add(ParkedMessageReader.Read(queue, message.Body.Span, message.BasicProperties.Headers));
            }
            await channel.CloseAsync(cancellationToken); // every message taken goes back, in place
        }
        return parked;
    }

    /// <summary>
    /// Moves the parked messages of <paramref name="queues"/> that <paramref name="select"/> accepts back to their queue,
    /// without the fault headers. Returns how many moved per queue.
    /// </summary>
    /// <exception cref="InvalidOperationException">a queue with parked messages no longer exists (its service never started here).</exception>
    public async Task<IReadOnlyDictionary<string, int>> ReplayAsync(
        IEnumerable<string> queues, Func<ParkedMessage, bool> select, CancellationToken cancellationToken)
    {
        var moved = new Dictionary<string, int>();
        var confirmed = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync(confirmed, cancellationToken);
            var count = await ParkedCountAsync(channel, queue, cancellationToken);
            if (count > 0 && !await ExistsAsync(queue, cancellationToken))
            {
                throw new InvalidOperationException($"queue '{queue}' does not exist: start its service once, then replay");
            }
            moved[queue] = 0;
            for (var taken = 0; taken < count; taken++)
            {
                if (await channel.BasicGetAsync(queue + Suffix, autoAck: false, cancellationToken) is not { } message)
                {
                    break;
                }
                if (!select(ParkedMessageReader.Read(queue, message.Body.Span, message.BasicProperties.Headers)))
                {
                    continue; // left unacknowledged: back in place when the channel closes
                }
                var properties = new BasicProperties(message.BasicProperties) { Headers = WithoutFault(message.BasicProperties.Headers) };
                // The default exchange routes to the queue itself, not to every endpoint bound to the message type.
                await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                moved[queue]++;
            }
            await channel.CloseAsync(cancellationToken);
        }
        return moved;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <summary>The fault's description belongs to the failed attempt: a replayed message starts clean, its other headers kept.</summary>
    private static Dictionary<string, object?>? WithoutFault(IDictionary<string, object?>? headers) =>
        headers?.Where(header => !header.Key.StartsWith(ParkedMessageReader.FaultHeaderPrefix, StringComparison.Ordinal)
                && header.Key != ParkedMessageReader.ReasonHeader)
            .ToDictionary(header => header.Key, header => header.Value);

    private async Task<bool> ExistsAsync(string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel: use a channel of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    private async Task<uint> ParkedCountAsync(IChannel channel, string queue, CancellationToken cancellationToken) =>
        await ExistsAsync(queue + Suffix, cancellationToken)
            ? (await channel.QueueDeclarePassiveAsync(queue + Suffix, cancellationToken)).MessageCount
            : 0;
}
