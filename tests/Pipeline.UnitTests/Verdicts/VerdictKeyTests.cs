using Pipeline.Grading.Verdicts;

namespace Pipeline.UnitTests.Verdicts;

public sealed class VerdictKeyTests
{
    private static readonly VerdictKey Key = VerdictKey.For("suite-a", "print(1)", "grader-1", 6);

    public static TheoryData<string, VerdictKey> OneChangedPart => new()
    {
        { "suite", VerdictKey.For("suite-b", "print(1)", "grader-1", 6) },
        { "code", VerdictKey.For("suite-a", "print(2)", "grader-1", 6) },
        { "code whitespace", VerdictKey.For("suite-a", "print(1) ", "grader-1", 6) },
        { "grader version", VerdictKey.For("suite-a", "print(1)", "grader-2", 6) },
        { "timeout", VerdictKey.For("suite-a", "print(1)", "grader-1", 6.5) },
    };

    [Theory]
    [MemberData(nameof(OneChangedPart))]
    public void Every_part_of_the_key_changes_the_digest(string part, VerdictKey changed)
    {
        Assert.True(Key.Digest != changed.Digest, $"a different {part} left the digest unchanged");
        Assert.NotEqual(Key, changed);
    }

    [Fact]
    public void The_same_parts_give_the_same_digest_and_a_timeout_is_compared_by_value()
    {
        Assert.Equal(Key.Digest, VerdictKey.For("suite-a", "print(1)", "grader-1", 6.0).Digest);
        Assert.Equal(64, Key.Digest.Length);
    }

    [Fact]
    public void The_code_hash_is_sha256_of_the_exact_code_and_tells_apart_codes_utf8_would_merge()
    {
        Assert.Equal(64, VerdictKey.CodeHashOf("").Length);
        Assert.NotEqual(VerdictKey.CodeHashOf("print(1)\n"), VerdictKey.CodeHashOf("print(1)\r\n"));
        // Both lone surrogates become U+FFFD in UTF-8; the graded strings differ, so their hashes must.
        Assert.NotEqual(VerdictKey.CodeHashOf("x = '\uD800'"), VerdictKey.CodeHashOf("x = '\uDC00'"));
    }

    [Fact]
    public void Parts_cannot_slide_into_each_other()
    {
        var a = new VerdictKey("ab", "c", "g", 6);
        var b = new VerdictKey("a", "bc", "g", 6);
        Assert.NotEqual(a.Digest, b.Digest);
    }
}
