using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Problems;

/// <summary>
/// A test as <c>{"input": ..., "output": ..., "testtype": ...}</c>, written exactly as the serializer writes the same
/// strings (the suite hash is of this JSON) and read into UTF-8 without a UTF-16 copy.
/// </summary>
public sealed class TestCaseJsonConverter : JsonConverter<TestCase>
{
    public override TestCase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"a test is a JSON object, not {reader.TokenType}");
        }
        ReadOnlyMemory<byte>? input = null, output = null;
        string? testType = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "input": input = Text(ref reader); break;
                case "output": output = Text(ref reader); break;
                case "testtype": testType = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }
        return input is not null && output is not null && testType is not null
            ? new TestCase(input.Value, output.Value, testType)
            : throw new JsonException("a test needs string input, output and testtype");
    }

    public override void Write(Utf8JsonWriter writer, TestCase value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("input", value.InputUtf8.Span);
        writer.WriteString("output", value.OutputUtf8.Span);
        writer.WriteString("testtype", value.TestType);
        writer.WriteEndObject();
    }

    private static ReadOnlyMemory<byte> Text(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? Utf8Text.Of(ref reader)
            : throw new JsonException($"a test's input and output are strings, not {reader.TokenType}");
}
