using Microsoft.Extensions.Configuration;
using Pipeline.Contracts;
using Pipeline.Runs;
using Pipeline.Runs.Published;

namespace Pipeline.UnitTests.Scoring;

public sealed class PublishedScoreTests
{
    private static readonly PublishedScore Published = new() { Model = "m", Scenario = "codegeneration", Score = 34.2, Reference = 30, Tolerance = 1 };

    [Fact]
    public void A_measurement_within_the_tolerance_agrees_and_one_outside_does_not()
    {
        var close = PublishedScoreCheck.Of(Published, 0.335);
        Assert.True(close.WithinTolerance);
        Assert.Equal(-0.7, close.Difference, 9);
        Assert.Equal("measured 33.5% vs published 34.2% (reference 30.0%): -0.7 points, within ±1.0", close.Line());

        var far = PublishedScoreCheck.Of(Published, 0.360);
        Assert.False(far.WithinTolerance);
        Assert.Equal("measured 36.0% vs published 34.2% (reference 30.0%): +1.8 points, outside ±1.0", far.Line());
    }

    [Fact]
    public void A_difference_of_exactly_the_tolerance_agrees()
    {
        Assert.True(PublishedScoreCheck.Of(Published with { Score = 30.1, Tolerance = 0.1 }, 0.30).WithinTolerance);
    }

    [Theory]
    [InlineData(101, null, 1)]
    [InlineData(50, -1.0, 1)]
    [InlineData(50, null, -0.5)]
    public void Scores_outside_0_to_100_or_a_negative_tolerance_are_refused(double score, double? reference, double tolerance)
    {
        Assert.Throws<ArgumentException>(() => (Published with { Score = score, Reference = reference, Tolerance = tolerance }).Validated());
    }

    [Fact]
    public async Task The_store_wins_over_the_configuration_and_a_run_of_another_scenario_has_none()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PublishedScores:0:Model"] = "m", ["PublishedScores:0:Scenario"] = "codegeneration", ["PublishedScores:0:Score"] = "20",
        }).Build().GetSection(PublishedScores.Section).Get<List<PublishedScore>>()!;
        var store = new InMemoryPublishedScoreStore();
        var scores = new PublishedScores(store, configured);
        var run = Run("codegeneration");

        Assert.Equal(20, (await scores.CheckAsync(run, 0.2, default))!.Published);
        await store.SetAsync(Published);
        Assert.Equal(34.2, (await scores.CheckAsync(run, 0.2, default))!.Published);
        Assert.Null(await scores.CheckAsync(Run("codeexecution"), 0.2, default));
    }

    private static RunRegistration Run(string scenario) => new()
    {
        RunId = Guid.NewGuid(), Model = "m", SamplesPerProblem = 1, Ks = [1], Problems = [], StartedAt = DateTimeOffset.UnixEpoch,
        Request = new StartEvaluation
        {
            RunId = Guid.NewGuid(), Model = "m", BaseUrl = "http://x", Selection = new DatasetSelection { Release = "release_latest" }, Scenario = scenario,
        },
    };
}
