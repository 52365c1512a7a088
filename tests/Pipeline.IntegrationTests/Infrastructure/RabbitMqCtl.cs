namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>The broker's own admin tool (the management plugin is off): virtual hosts, queue listings.</summary>
public static class RabbitMqCtl
{
    public static Task<string> RunAsync(params string[] arguments) => ExternalCommand.RunAsync("rabbitmqctl", arguments);
}
