using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Hosting.Retries;

namespace Pipeline.UnitTests.Consumers;

/// <summary>
/// A consumer on MassTransit's in-memory test harness, registered as its service registers it (definition, retry
/// policy) with the services it needs: its behaviour on the bus, without a broker.
/// </summary>
internal sealed class ConsumerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ConsumerHarness(ServiceProvider provider, ITestHarness harness)
    {
        _provider = provider;
        Harness = harness;
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _provider;

    public static async Task<ConsumerHarness> StartAsync(Action<IBusRegistrationConfigurator> consumers, Action<IServiceCollection> services)
    {
        var collection = new ServiceCollection();
        // One immediate retry, no pauses: a test sees a failing message faulted at once, not after the production schedule.
        collection.AddSingleton(new RetryOptions { Stores = new RetryProfile { Immediate = 1 }, ModelServer = new RetryProfile { Immediate = 1 } });
        services(collection);
        collection.AddMassTransitTestHarness(consumers);
        var provider = collection.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        // The harness stops waiting after a pause with no bus activity (1.2 s by default): far too short on a loaded CI machine.
        harness.TestInactivityTimeout = TimeSpan.FromSeconds(20);
        harness.TestTimeout = TimeSpan.FromSeconds(60);
        await harness.Start();
        return new ConsumerHarness(provider, harness);
    }

    /// <summary>The first message of type <typeparamref name="T"/> published while consuming; fails when none comes.</summary>
    public async Task<T> PublishedAsync<T>() where T : class =>
        (await Harness.Published.SelectAsync<T>().FirstOrDefault())?.Context.Message
            ?? throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} was published");

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
