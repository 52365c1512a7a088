using System.Collections.Concurrent;

namespace Pipeline.Runs.Published;

public sealed class InMemoryPublishedScoreStore : IPublishedScoreStore
{
    private readonly ConcurrentDictionary<(string Model, string Scenario), PublishedScore> _scores = new();

    public Task SetAsync(PublishedScore score, CancellationToken cancellationToken = default)
    {
        _scores[(score.Model, score.Scenario)] = score;
        return Task.CompletedTask;
    }

    public Task<PublishedScore?> GetAsync(string model, string scenario, CancellationToken cancellationToken = default) =>
        Task.FromResult(_scores.GetValueOrDefault((model, scenario)));
}
