using Pipeline.Core.Problems;
using Pipeline.Core.Stores;
using Pipeline.Grading;

namespace Pipeline.UnitTests.Grading;

public sealed class SuiteCacheTests
{
    [Fact]
    public async Task Recent_suites_come_from_memory_and_the_least_recent_is_evicted()
    {
        var store = new CountingStore();
        var suites = Enumerable.Range(0, 3).Select(i => new TestSuite { Tests = [new TestCase($"{i}", $"{i}", "stdin")] }).ToArray();
        foreach (var suite in suites)
        {
            await store.PutAsync(suite);
        }
        var cache = new SuiteCache(store, capacity: 2);

        await cache.GetAsync(suites[0].Hash, default);
        await cache.GetAsync(suites[1].Hash, default);
        await cache.GetAsync(suites[0].Hash, default); // 0 becomes most recent
        await cache.GetAsync(suites[2].Hash, default); // evicts 1
        await cache.GetAsync(suites[0].Hash, default);
        await cache.GetAsync(suites[1].Hash, default);

        Assert.Equal(4, store.Reads);
    }

    [Fact]
    public async Task A_missing_suite_throws_so_the_message_is_retried()
    {
        var cache = new SuiteCache(new CountingStore(), capacity: 2);
        await Assert.ThrowsAsync<SuiteNotFoundException>(() => cache.GetAsync("absent", default));
    }

    private sealed class CountingStore : ISuiteStore
    {
        private readonly Dictionary<string, TestSuite> _suites = [];

        public int Reads { get; private set; }

        public Task<bool> PutAsync(TestSuite suite, CancellationToken cancellationToken = default) => Task.FromResult(_suites.TryAdd(suite.Hash, suite));

        public Task<TestSuite?> GetAsync(string hash, CancellationToken cancellationToken = default)
        {
            Reads++;
            return Task.FromResult(_suites.GetValueOrDefault(hash));
        }
    }
}
