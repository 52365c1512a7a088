using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Dataset;

namespace Pipeline.UnitTests.Ingest;

/// <summary>Every vector CPython's own pickle made (tests/data/lcb/pickle_vectors.jsonl) decodes or is refused as listed.</summary>
public sealed class PickleVectorTests
{
    public static TheoryData<string> VectorNames() => [.. Vectors().Keys];

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Vector_decodes_to_the_listed_text_or_is_refused(string name)
    {
        var vector = Vectors()[name];
        var encoded = vector.GetProperty("encoded").GetString()!;
        if (vector.GetProperty("expect").GetString() == "reject")
        {
            var refusal = Assert.ThrowsAny<InvalidDataException>(() =>
                TestCaseJson.Parse(Decode(encoded), "private_test_cases"));
            Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
            return;
        }
        var utf8 = Decode(encoded);
        Assert.Equal(vector.GetProperty("decoded_utf8_bytes").GetInt64(), utf8.Length);
        Assert.Equal(vector.GetProperty("decoded_sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(utf8.Span)));
        Assert.Equal(vector.GetProperty("tests").GetInt32(), TestCaseJson.Parse(utf8, "private_test_cases").Count);
    }

    [Fact]
    public void The_code_execution_payload_is_refused_for_what_it_is()
    {
        var encoded = Vectors()["code-execution-attempt"].GetProperty("encoded").GetString()!;

        var refusal = Assert.Throws<InvalidDataException>(() => Decode(encoded));

        Assert.Contains("never executes", refusal.Message);
    }

    [Fact]
    public void A_pickled_dict_is_refused_as_not_a_str()
    {
        var encoded = Vectors()["dict-not-str"].GetProperty("encoded").GetString()!;

        var refusal = Assert.Throws<InvalidDataException>(() => Decode(encoded));

        Assert.Contains("EMPTY_DICT", refusal.Message);
    }

    private static ReadOnlyMemory<byte> Decode(string field) => PrivateTestsField.DecodeJsonUtf8(Encoding.UTF8.GetBytes(field));

    private static Dictionary<string, JsonElement> Vectors() =>
        File.ReadLines(LcbTestData.File("pickle_vectors.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(v => v.GetProperty("name").GetString()!);
}
