using System.Security.Cryptography;
using System.Text;
using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Dataset;

namespace Pipeline.UnitTests.Ingest;

/// <summary>
/// A suite's hash is its key in every store: holding tests as UTF-8 (decision 026) must leave the canonical JSON, and
/// so every hash, as it was. The expected values were printed by the code before that change.
/// </summary>
public sealed class SuiteHashTests
{
    private static readonly TestSuite Escaped = new()
    {
        FuncName = "f",
        Tests = [new TestCase("1 2\n", "3\n", "stdin"), new TestCase("é😀<>&'\"\\\u0001\u2028+`", "中\r\n", "functional")],
    };

    [Fact]
    public void The_bundled_rows_keep_their_suite_hashes()
    {
        var hashes = DatasetReader.Read(LcbTestData.File("problems.jsonl"), new DatasetSelection { Release = "release_latest" }, new DatasetReport())
            .Select(e => e.Problem.SuiteHash);

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join("\n", hashes))));

        Assert.Equal("b6d277e3b8533117acb66668071cada27f8c726140546c16327c320de95abb79", digest);
    }

    [Fact]
    public void Text_that_needs_escaping_is_written_and_hashed_as_before()
    {
        Assert.Equal(
            """{"fn_name":"f","tests":[{"input":"1 2\n","output":"3\n","testtype":"stdin"},{"input":"\u00E9\uD83D\uDE00\u003C\u003E\u0026\u0027\u0022\\\u0001\u2028\u002B\u0060","output":"\u4E2D\r\n","testtype":"functional"}]}""",
            Encoding.UTF8.GetString(Escaped.ToJsonBytes()));
        Assert.Equal("9beb74a4543d005ad43e690032e7fdbd62d1f7eed578090c59c452a91e34b70e", Escaped.Hash);
    }

    [Fact]
    public void The_streamed_hash_and_size_are_those_of_the_whole_json()
    {
        var json = Escaped.ToJsonBytes();

        Assert.Equal((TestSuite.HashOf(json), (long)json.Length), Escaped.Canonical());
    }

    [Fact]
    public void A_suite_read_back_from_its_json_has_the_same_tests()
    {
        var read = TestSuite.FromJsonBytes(Escaped.ToJsonBytes());

        Assert.Equal(Escaped.Tests, read.Tests);
        Assert.Equal("é😀<>&'\"\\\u0001\u2028+`", read.Tests[1].Input);
        Assert.Equal(Escaped.Hash, read.Hash);
    }
}
