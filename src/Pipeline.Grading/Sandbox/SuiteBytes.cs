using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Problems;
using Pipeline.Grading.Timings;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// A suite as a worker receives it (harness/PROTOCOL.md, "Suites"): every input, then every output, as raw
/// UTF-8 (nothing to escape or parse), with the byte sizes that cut them apart, under a hash that names it in
/// later requests to the same worker. The parts are the tests' own UTF-8, written one after the other, never
/// copied into one buffer (a real suite holds tens of megabytes). Made once per suite, not per sample: the n
/// samples of a problem share one suite. Kept while the suite's test list lives (a weak table).
/// </summary>
public sealed class SuiteBytes
{
    private static readonly ConditionalWeakTable<IReadOnlyList<TestCase>, SuiteBytes> Made = [];

    private SuiteBytes(IReadOnlyList<TestCase> tests)
    {
        Parts = [.. tests.Select(t => t.InputUtf8), .. tests.Select(t => t.OutputUtf8)];
        Layout = new SuiteLayout
        {
            Inputs = [.. tests.Select(t => t.InputUtf8.Length)],
            Outputs = [.. tests.Select(t => t.OutputUtf8.Length)],
            TestTypes = [.. tests.Select(t => t.TestType)],
        };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(Layout));
        foreach (var part in Parts)
        {
            hash.AppendData(part.Span);
        }
        Hash = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of the layout and the bytes: equal suites share it, different ones never do.</summary>
    public string Hash { get; }

    public SuiteLayout Layout { get; }

    /// <summary>What follows the request line: every input, then every output.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Parts { get; }

    public static SuiteBytes Of(IReadOnlyList<TestCase> tests)
    {
        using (GradingTimings.Measure("4c   of which the suite's bytes (once per suite)"))
        {
            return Made.GetValue(tests, t => new SuiteBytes(t));
        }
    }
}

/// <summary>How the bytes after a request line split into tests: one entry per test in each list.</summary>
public sealed record SuiteLayout
{
    [JsonPropertyName("inputs")] public required IReadOnlyList<int> Inputs { get; init; }
    [JsonPropertyName("outputs")] public required IReadOnlyList<int> Outputs { get; init; }
    [JsonPropertyName("testtypes")] public required IReadOnlyList<string> TestTypes { get; init; }
}
