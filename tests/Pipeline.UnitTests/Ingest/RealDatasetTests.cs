using Pipeline.Contracts;
using Pipeline.Dataset;

namespace Pipeline.UnitTests.Ingest;

/// <summary>The bundled real rows (tests/data/lcb/problems.jsonl) read as the official runner reads them.</summary>
public sealed class RealDatasetTests
{
    private static readonly List<DatasetEntry> Entries = ReadAll();

    [Fact]
    public void Every_bundled_row_reads_without_a_bad_row()
    {
        var report = new DatasetReport();

        var count = DatasetReader.Read(LcbTestData.File("problems.jsonl"), new DatasetSelection { Release = "release_latest" }, report).Count();

        Assert.Equal(343, count);
        Assert.Empty(report.BadRows);
    }

    [Fact]
    public void Platforms_match_the_data_readme()
    {
        var byPlatform = Entries.GroupBy(e => e.Problem.Platform).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int> { ["atcoder"] = 217, ["leetcode"] = 125, ["codeforces"] = 1 }, byPlatform);
    }

    [Fact]
    public void Leetcode_rows_are_call_based_and_the_others_stdin()
    {
        Assert.All(Entries, e => Assert.Equal(e.Problem.Platform == "leetcode", e.Suite.IsCallBased));
        Assert.All(Entries.Where(e => e.Suite.IsCallBased), e => Assert.All(e.Suite.Tests, t => Assert.Equal("functional", t.TestType)));
    }

    [Fact]
    public void Tests_are_public_then_private()
    {
        var codeforces = Entries.Single(e => e.Problem.QuestionId == "1873_A");

        Assert.True(codeforces.Problem.PrivateTests > 0);
        Assert.Equal(codeforces.Problem.PublicTests + codeforces.Problem.PrivateTests, codeforces.Suite.Tests.Count);
        Assert.Equal(codeforces.PublicTests.Concat(codeforces.PrivateTests), codeforces.Suite.Tests);
        Assert.All(Entries.Where(e => e.Problem.QuestionId != "1873_A"), e => Assert.Equal(0, e.Problem.PrivateTests));
    }

    [Fact]
    public void The_problem_carries_its_suite_hash()
    {
        Assert.All(Entries, e => Assert.Equal(e.Suite.Hash, e.Problem.SuiteHash));
    }

    [Fact]
    public void The_end_date_is_midnight_as_in_the_official_runner()
    {
        // On 2025-01-18: six AtCoder rows at 00:00, seven LeetCode rows at 06:30 or 18:30. The official filter
        // (start <= contest_date <= end, both at 00:00) keeps only the midnight ones for a one-day window.
        var oneDay = new DatasetSelection { Release = "release_latest", StartDate = new(2025, 1, 18), EndDate = new(2025, 1, 18) };

        Assert.Equal(["abc389_a", "abc389_b", "abc389_d", "abc389_e", "abc389_f", "abc389_g"], Read(oneDay).Order());
        Assert.Equal(13, Read(oneDay with { EndDate = new(2025, 1, 19) }).Count);
    }

    private static List<string> Read(DatasetSelection selection) =>
        [.. DatasetReader.Read(LcbTestData.File("problems.jsonl"), selection, new DatasetReport()).Select(e => e.Problem.QuestionId)];

    private static List<DatasetEntry> ReadAll() =>
        [.. DatasetReader.Read(LcbTestData.File("problems.jsonl"), new DatasetSelection { Release = "release_latest" }, new DatasetReport())];
}
