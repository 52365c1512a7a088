using Pipeline.Cli.Errors;
using Pipeline.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace Pipeline.IntegrationTests.Faults;

/// <summary>The _error queues of a test's own virtual host, through the same class `lcb errors` and `lcb replay` use.</summary>
internal static class ParkedQueues
{
    public static ConnectionFactory Factory(string virtualHost) => new() { HostName = Servers.RabbitMqHost, VirtualHost = virtualHost };

    public static async Task<IReadOnlyList<ParkedMessage>> ListAsync(string virtualHost)
    {
        await using var queues = await ErrorQueues.ConnectAsync(Factory(virtualHost), CancellationToken.None);
        return await queues.ListAsync(ErrorQueues.PipelineQueues, CancellationToken.None);
    }

    /// <summary>Polls until <paramref name="enough"/> holds for the parked messages, or fails with what was there.</summary>
    public static Task<IReadOnlyList<ParkedMessage>> WaitForAsync(
        string virtualHost, Func<IReadOnlyList<ParkedMessage>, bool> enough, TimeSpan timeout) =>
        Wait.UntilAsync(() => ListAsync(virtualHost), enough, timeout, "enough parked messages");

    /// <summary>Bytes straight onto a queue through the default exchange, as a broken or foreign publisher would.</summary>
    public static async Task PublishRawAsync(string virtualHost, string queue, byte[] body, string contentType)
    {
        await using var connection = await Factory(virtualHost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties { ContentType = contentType, Persistent = true }, body);
    }
}
