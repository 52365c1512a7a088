using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Core.Problems;

namespace Pipeline.Dataset;

/// <summary>
/// Writes a selection as JSON lines, one row per problem: its fields as released, in their order, except
/// public_test_cases and private_test_cases, which become decoded arrays of {input, output, testtype}.
/// </summary>
public static class DatasetExporter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>how many problems were written.</returns>
    public static int Export(string source, DatasetSelection selection, DatasetReport report, Stream output)
    {
        var written = 0;
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        foreach (var entry in DatasetReader.Read(source, selection, report))
        {
            WriteRow(writer, entry);
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
            written++;
        }
        return written;
    }

    private static void WriteRow(Utf8JsonWriter writer, DatasetEntry entry)
    {
        using var row = JsonDocument.Parse(entry.Row);
        writer.WriteStartObject();
        foreach (var field in row.RootElement.EnumerateObject())
        {
            switch (field.Name)
            {
                case "public_test_cases":
                    WriteTests(writer, field.Name, entry.PublicTests);
                    break;
                case "private_test_cases":
                    WriteTests(writer, field.Name, entry.PrivateTests);
                    break;
                default:
                    field.WriteTo(writer);
                    break;
            }
        }
        writer.WriteEndObject();
    }

    private static void WriteTests(Utf8JsonWriter writer, string name, IEnumerable<TestCase> tests)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, tests);
    }
}
