using System.Runtime.InteropServices;
using System.Text.Json;

namespace Pipeline.Core.Problems;

/// <summary>A JSON string's text as UTF-8, unescaped in one copy (no UTF-16 string on the way).</summary>
public static class Utf8Text
{
    /// <exception cref="InvalidDataException">the string escapes half of a surrogate pair, which is not text.</exception>
    public static ReadOnlyMemory<byte> Of(JsonElement text)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(text));
        reader.Read();
        return Of(ref reader);
    }

    /// <summary>The string the reader is on.</summary>
    /// <exception cref="InvalidDataException">the string escapes half of a surrogate pair, which is not text.</exception>
    public static ReadOnlyMemory<byte> Of(ref Utf8JsonReader reader)
    {
        var text = new byte[reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length];
        try
        {
            return text.AsMemory(0, reader.CopyString(text));
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidDataException($"a string is not text: {exception.Message}");
        }
    }
}
