using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Problems;
using Pipeline.Grading.Timings;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// A suite as a worker receives it (harness/PROTOCOL.md, "Suites"): every input, then every output, as raw
/// UTF-8 (nothing to escape or parse), with the byte sizes that cut them apart, under a hash that names it in
/// later requests to the same worker. Made once per suite, not per sample: the n samples of a problem share one
/// suite, and a real suite holds tens of megabytes. Kept while the suite's test list lives (a weak table).
/// </summary>
public sealed class SuiteBytes
{
    private static readonly ConditionalWeakTable<IReadOnlyList<TestCase>, SuiteBytes> Made = [];

    private SuiteBytes(SuiteLayout layout, byte[] data)
    {
        Layout = layout;
        Data = data;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(layout));
        hash.AppendData(data);
        Hash = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of the layout and the bytes: equal suites share it, different ones never do.</summary>
    public string Hash { get; }

    public SuiteLayout Layout { get; }

    public ReadOnlyMemory<byte> Data { get; }

    public static SuiteBytes Of(IReadOnlyList<TestCase> tests)
    {
        using (GradingTimings.Measure("4c   of which the suite's bytes (once per suite)"))
        {
            return Made.GetValue(tests, Make);
        }
    }

    private static SuiteBytes Make(IReadOnlyList<TestCase> tests)
    {
        var texts = tests.Select(t => t.Input).Concat(tests.Select(t => t.Output)).ToList();
        var sizes = texts.Select(Encoding.UTF8.GetByteCount).ToList();
        var data = new byte[sizes.Sum(size => (long)size)];
        var offset = 0;
        foreach (var text in texts)
        {
            offset += Encoding.UTF8.GetBytes(text, data.AsSpan(offset));
        }
        var layout = new SuiteLayout { Inputs = sizes.GetRange(0, tests.Count), Outputs = sizes.GetRange(tests.Count, tests.Count), TestTypes = [.. tests.Select(t => t.TestType)] };
        return new SuiteBytes(layout, data);
    }
}

/// <summary>How the bytes after a request line split into tests: one entry per test in each list.</summary>
public sealed record SuiteLayout
{
    [JsonPropertyName("inputs")] public required IReadOnlyList<int> Inputs { get; init; }
    [JsonPropertyName("outputs")] public required IReadOnlyList<int> Outputs { get; init; }
    [JsonPropertyName("testtypes")] public required IReadOnlyList<string> TestTypes { get; init; }
}
