using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Problems;

/// <summary>
/// What a grader needs for one problem: the tests in the official order (public, then private) and,
/// for call-based problems, the function name. Stored once, under <see cref="Hash"/>.
/// </summary>
public sealed record TestSuite
{
    [JsonPropertyName("fn_name")]
    public string? FuncName { get; init; }

    /// <summary>
    /// The program the checks run when the sample is an answer rather than a program (code execution: the
    /// dataset's function; the sample is the predicted output). Null for code generation, and then not written,
    /// so existing suite hashes are unchanged.
    /// </summary>
    [JsonPropertyName("program"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Program { get; init; }

    [JsonPropertyName("tests")]
    public required IReadOnlyList<TestCase> Tests { get; init; }

    [JsonIgnore]
    public bool IsCallBased => FuncName is not null;

    /// <summary>The content address: SHA-256 of the canonical JSON, so equal suites share one key.</summary>
    [JsonIgnore]
    public string Hash => Canonical().Hash;

    /// <summary>
    /// The content address and the size of the canonical JSON (<see cref="ToJsonBytes"/>), hashed as it is written:
    /// no copy of a large suite is made for it.
    /// </summary>
    public (string Hash, long JsonBytes) Canonical()
    {
        using var sink = new HashingBufferWriter();
        using (var writer = new Utf8JsonWriter(sink))
        {
            JsonSerializer.Serialize(writer, this);
        }
        return (sink.HashHex(), sink.Written);
    }

    /// <summary>The hash of a suite already serialized with <see cref="ToJsonBytes"/> (saves serializing twice).</summary>
    public static string HashOf(ReadOnlySpan<byte> json) => Convert.ToHexStringLower(SHA256.HashData(json));

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static TestSuite FromJsonBytes(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<TestSuite>(json) ?? throw new InvalidDataException("test suite JSON is null");
}
