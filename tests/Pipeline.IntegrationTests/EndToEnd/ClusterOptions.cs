using Pipeline.IntegrationTests.Infrastructure;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>Where a <see cref="PipelineCluster"/> keeps its messages and state, and how many Executors it runs.</summary>
public sealed record ClusterOptions
{
    public RabbitBroker Broker { get; init; } = RabbitBroker.Shared;

    /// <summary>StackExchange.Redis configuration; every cluster keeps its keys under a prefix of its own.</summary>
    public string Redis { get; init; } = Servers.Redis;

    public int Executors { get; init; } = 2;
}
