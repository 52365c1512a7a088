using Pipeline.Contracts;
using Pipeline.Dataset;
using Pipeline.Dataset.Ingest;

namespace Pipeline.UnitTests.Ingest;

/// <summary>
/// Ingest's answer to "would this selection start a run?" on a directory dataset whose rows are counted by hand: file N
/// (test.jsonl = 1 … test3.jsonl = 3) holds N problems dated 2024-0N-0i, atcoder when i is odd, easy only for i = 1.
/// </summary>
public sealed class SelectionCheckTests : IDisposable
{
    private readonly SyntheticDataset _dataset = new();

    public SelectionCheckTests()
    {
        for (var file = 1; file <= 3; file++)
        {
            _dataset.Write(ReleaseFiles.FileName(file), Enumerable.Range(1, file).Select(i => SyntheticDataset.Row(
                $"f{file}-{i}", date: $"2024-0{file}-0{i}T00:00:00", platform: i % 2 == 0 ? "leetcode" : "atcoder", difficulty: i == 1 ? "easy" : "hard")));
        }
    }

    [Fact]
    public void A_valid_selection_is_counted_after_its_limit()
    {
        Assert.Equal(1 + 2 + 3, Check(new DatasetSelection { Release = "release_v3" }).Problems);
        Assert.Equal(1 + 1 + 2, Check(new DatasetSelection { Release = "release_v3", Platforms = ["AtCoder"] }).Problems);
        Assert.Equal(2, Check(new DatasetSelection { Release = "release_v3", Limit = 2 }).Problems);
        Assert.Empty(Check(new DatasetSelection { Release = "v2" }).Errors);
    }

    [Fact]
    public void Each_bad_field_is_named_at_once()
    {
        var answer = Check(new DatasetSelection
        {
            Release = "release_v9", Platforms = ["topcoder"], Difficulties = ["impossible"], StartDate = new(2024, 5, 1), EndDate = new(2024, 1, 1), Limit = 0,
        });

        Assert.Equal(0, answer.Problems);
        Assert.Equal(["difficulties", "endDate", "limit", "platforms", "release"], answer.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("unknown 'topcoder' (expected leetcode, codeforces, atcoder)", answer.Errors["platforms"]);
        Assert.Contains("test4.jsonl", answer.Errors["release"]);
    }

    [Fact]
    public void An_empty_selection_names_the_filter_that_excludes_everything_with_what_the_release_has()
    {
        var dates = Check(new DatasetSelection { Release = "release_v2", StartDate = new(2024, 3, 1) });
        var platform = Check(new DatasetSelection { Release = "v1", Platforms = ["leetcode"] });
        var together = Check(new DatasetSelection { Release = "release_v3", Platforms = ["leetcode"], Difficulties = ["easy"] });

        Assert.Equal(
            "no problem of release release_v2 falls between 2024-03-01 and its last date: its contest dates run from 2024-01-01 to 2024-02-02",
            Assert.Single(dates.Errors, e => e.Key == "startDate").Value);
        Assert.Equal("release v1 has no leetcode problem (it has 1 atcoder)", Assert.Single(platform.Errors).Value);
        Assert.Equal("selection", Assert.Single(together.Errors).Key);
    }

    [Fact]
    public void A_one_file_dataset_refuses_a_release_and_a_missing_dataset_names_its_setting()
    {
        var oneFile = new SelectionCheck(new DatasetOptions { Source = Path.Combine(_dataset.Directory, "test2.jsonl") });
        var none = new SelectionCheck(new DatasetOptions());

        Assert.Equal(2, oneFile.Check(new CheckSelection { Selection = new DatasetSelection { Release = "release_latest" } }).Problems);
        Assert.Contains("one-file dataset 'test2.jsonl'", oneFile.Check(new CheckSelection { Selection = new DatasetSelection { Release = "release_v6" } }).Errors["release"]);
        Assert.Contains("Dataset:Source", none.Check(new CheckSelection { Selection = new DatasetSelection { Release = "release_latest" } }).Errors["scenario"]);
    }

    private SelectionChecked Check(DatasetSelection selection) =>
        new SelectionCheck(new DatasetOptions { Source = _dataset.Directory }).Check(new CheckSelection { Selection = selection });

    public void Dispose() => _dataset.Dispose();
}
