using Pipeline.Core.Problems;
using Pipeline.Core.Stores;

namespace Pipeline.Grading;

/// <summary>
/// The last <c>capacity</c> suites used, in front of the suite store: samples of one problem arrive
/// together, and a suite can be megabytes. Suites are content-addressed, so a cached one never goes stale.
/// </summary>
public sealed class SuiteCache(ISuiteStore store, int capacity)
{
    private readonly LinkedList<(string Hash, TestSuite Suite)> _recent = new();
    private readonly Dictionary<string, LinkedListNode<(string Hash, TestSuite Suite)>> _byHash = [];

    /// <exception cref="SuiteNotFoundException">the store has no suite under this hash.</exception>
    public async Task<TestSuite> GetAsync(string hash, CancellationToken cancellationToken)
    {
        lock (_recent)
        {
            if (_byHash.TryGetValue(hash, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Suite;
            }
        }
        var suite = await store.GetAsync(hash, cancellationToken) ?? throw new SuiteNotFoundException(hash);
        lock (_recent)
        {
            if (!_byHash.ContainsKey(hash))
            {
                _byHash[hash] = _recent.AddFirst((hash, suite));
                if (_recent.Count > Math.Max(1, capacity))
                {
                    _byHash.Remove(_recent.Last!.Value.Hash);
                    _recent.RemoveLast();
                }
            }
        }
        return suite;
    }
}

/// <summary>A message names a suite the store lacks: ingestion has not run or Redis lost it.</summary>
public sealed class SuiteNotFoundException(string hash) : Exception($"no test suite stored under hash {hash}");
