namespace Pipeline.Runs.Published;

/// <summary>Published scores by model and scenario (`lcb publish-score`); a later one replaces the earlier.</summary>
public interface IPublishedScoreStore
{
    Task SetAsync(PublishedScore score, CancellationToken cancellationToken = default);

    Task<PublishedScore?> GetAsync(string model, string scenario, CancellationToken cancellationToken = default);
}
