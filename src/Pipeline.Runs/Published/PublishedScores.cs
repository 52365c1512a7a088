namespace Pipeline.Runs.Published;

/// <summary>
/// Where a model's published score is found: the store (`lcb publish-score`) first, else the configuration
/// (PublishedScores:0:Model, :Scenario, :Score, :Reference, :Tolerance).
/// </summary>
public sealed class PublishedScores(IPublishedScoreStore store, IReadOnlyList<PublishedScore> configured)
{
    public const string Section = "PublishedScores";

    /// <summary>No published scores: for runs shown where none are kept (the in-process demo).</summary>
    public static PublishedScores None { get; } = new(new InMemoryPublishedScoreStore(), []);

    public async Task<PublishedScoreCheck?> CheckAsync(RunRegistration run, double measuredPassAt1, CancellationToken cancellationToken)
    {
        var scenario = run.Request?.Scenario ?? Core.Scenarios.ScenarioNames.Default;
        var published = await store.GetAsync(run.Model, scenario, cancellationToken)
            ?? configured.FirstOrDefault(score => score.Model == run.Model && score.Scenario == scenario);
        return published is null ? null : PublishedScoreCheck.Of(published, measuredPassAt1);
    }
}
