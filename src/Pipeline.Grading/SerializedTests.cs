using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Problems;

namespace Pipeline.Grading;

/// <summary>
/// Writes a suite's tests into a worker request from JSON made once per suite, not once per sample: the n
/// samples of a problem share one suite, and a real suite holds tens of megabytes to escape. Kept while the
/// suite's test list lives (a weak table: the cache never holds a suite nobody else does).
/// </summary>
internal sealed class SerializedTests : JsonConverter<IReadOnlyList<TestCase>>
{
    private static readonly ConditionalWeakTable<IReadOnlyList<TestCase>, byte[]> Made = [];

    public override IReadOnlyList<TestCase> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<TestCase>>(ref reader, options) ?? [];

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<TestCase> tests, JsonSerializerOptions options)
    {
        byte[] json;
        using (GradingTimings.Measure("4c   of which the suite's JSON"))
        {
            json = Made.GetValue(tests, list => JsonSerializer.SerializeToUtf8Bytes(list));
        }
        writer.WriteRawValue(json, skipInputValidation: true);
    }
}
