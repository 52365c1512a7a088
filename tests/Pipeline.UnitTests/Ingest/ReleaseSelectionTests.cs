using Pipeline.Contracts;
using Pipeline.Dataset;

namespace Pipeline.UnitTests.Ingest;

/// <summary>
/// Releases and filters against hand counts. File N (test.jsonl = 1 … test6.jsonl = 6) holds N problems
/// "fN-i", dated 2024-0N-0i, so the expected sets can be counted by hand.
/// </summary>
public sealed class ReleaseSelectionTests : IDisposable
{
    private readonly SyntheticDataset _dataset = new();

    public ReleaseSelectionTests()
    {
        for (var file = 1; file <= 6; file++)
        {
            _dataset.Write(ReleaseFiles.FileName(file), Enumerable.Range(1, file).Select(i => SyntheticDataset.Row(
                $"f{file}-{i}",
                date: $"2024-0{file}-0{i}T00:00:00",
                platform: i % 2 == 0 ? "leetcode" : "atcoder",
                difficulty: i == 1 ? "easy" : "hard")));
        }
    }

    [Theory]
    [InlineData("release_v1", 1)]
    [InlineData("release_v2", 1 + 2)]
    [InlineData("release_v6", 1 + 2 + 3 + 4 + 5 + 6)]
    [InlineData("release_latest", 21)]
    [InlineData("v1", 1)]
    [InlineData("v4", 4)]
    [InlineData("v2_v3", 2 + 3)]
    [InlineData("v5_v6", 5 + 6)]
    public void Release_selects_the_right_files(string release, int expected)
    {
        Assert.Equal(expected, Ids(new DatasetSelection { Release = release }).Count);
    }

    [Fact]
    public void Rows_come_in_file_then_row_order()
    {
        Assert.Equal(["f2-1", "f2-2", "f3-1", "f3-2", "f3-3"], Ids(new DatasetSelection { Release = "v2_v3" }));
    }

    [Fact]
    public void Dates_are_inclusive_at_both_ends()
    {
        var selection = new DatasetSelection { Release = "release_v6", StartDate = new(2024, 3, 2), EndDate = new(2024, 5, 1) };

        Assert.Equal(["f3-2", "f3-3", "f4-1", "f4-2", "f4-3", "f4-4", "f5-1"], Ids(selection));
    }

    [Fact]
    public void Platform_and_difficulty_filter_together()
    {
        // leetcode = even i, hard = i > 1: in files 1..6 that is i in {2,4,6} within each file's range
        var selection = new DatasetSelection { Release = "release_v6", Platforms = ["leetcode"], Difficulties = ["hard"] };

        Assert.Equal(0 + 1 + 1 + 2 + 2 + 3, Ids(selection).Count);
    }

    [Fact]
    public void Limit_takes_the_first_selected_rows()
    {
        var selection = new DatasetSelection { Release = "release_v6", Platforms = ["atcoder"], Limit = 3 };

        Assert.Equal(["f1-1", "f2-1", "f3-1"], Ids(selection));
    }

    [Fact]
    public void A_release_needing_a_missing_file_is_a_clear_error()
    {
        File.Delete(Path.Combine(_dataset.Directory, "test4.jsonl"));

        var error = Assert.Throws<DatasetException>(() => Ids(new DatasetSelection { Release = "release_v5" }));

        Assert.Contains("test4.jsonl", error.Message);
        Assert.Equal(1 + 2 + 3 + 5 + 6, Ids(new DatasetSelection { Release = "release_latest" }).Count);
    }

    [Theory]
    [InlineData("release_v0")]
    [InlineData("v3_v2")]
    [InlineData("latest")]
    public void An_unknown_release_is_a_clear_error(string release)
    {
        var error = Assert.Throws<DatasetException>(() => Ids(new DatasetSelection { Release = release }));

        Assert.Contains(release, error.Message);
    }

    [Fact]
    public void An_unknown_filter_value_is_a_clear_error_not_an_empty_selection()
    {
        var error = Assert.Throws<DatasetException>(() => Ids(new DatasetSelection { Release = "v1", Platforms = ["atcoder", "leetcod"] }));

        Assert.Contains("leetcod", error.Message);
    }

    [Fact]
    public void A_single_file_source_is_the_whole_dataset_and_has_no_other_release()
    {
        var single = Path.Combine(_dataset.Directory, "test3.jsonl");

        Assert.Equal(3, DatasetReader.Read(single, new DatasetSelection { Release = "release_latest" }, new DatasetReport()).Count());
        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(single, new DatasetSelection { Release = "release_v1" }, new DatasetReport()).ToList());
        Assert.Equal(
            "release release_v1 cannot be selected from the one-file dataset 'test3.jsonl' (one file has no releases): "
            + "give release_latest, or a code_generation_lite directory (test.jsonl … test6.jsonl)", error.Message);
    }

    private List<string> Ids(DatasetSelection selection) =>
        [.. DatasetReader.Read(_dataset.Directory, selection, new DatasetReport()).Select(e => e.Problem.QuestionId)];

    public void Dispose() => _dataset.Dispose();
}
