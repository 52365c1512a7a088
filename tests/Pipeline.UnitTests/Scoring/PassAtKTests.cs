using Pipeline.Runs.Scoring;

namespace Pipeline.UnitTests.Scoring;

public sealed class PassAtKTests
{
    [Theory]
    [InlineData(10, 0, 1, 0.0)]
    [InlineData(10, 10, 1, 1.0)]
    [InlineData(10, 3, 1, 0.3)]
    [InlineData(10, 3, 5, 1 - 21.0 / 252)] // C(7,5)/C(10,5)
    [InlineData(5, 1, 5, 1.0)]
    public void Estimate_matches_the_closed_form(int n, int c, int k, double expected)
    {
        Assert.Equal(expected, PassAtK.Estimate(n, c, k), 12);
    }

    [Fact]
    public void Average_reports_only_the_ks_every_problem_allows()
    {
        var result = PassAtK.Average([(10, 5), (4, 4)], [1, 5, 10]);

        Assert.Equal(["pass@1"], result.Keys);
        Assert.Equal((0.5 + 1.0) / 2, result["pass@1"], 12);
    }
}
