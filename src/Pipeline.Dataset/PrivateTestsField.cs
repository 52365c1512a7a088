using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Pipeline.Dataset.Pickle;

namespace Pipeline.Dataset;

/// <summary>
/// Turns a row's <c>private_test_cases</c> into JSON text the way the official runner does: the field
/// itself when it parses as JSON, otherwise base64 → zlib → pickle (a str) → JSON text.
/// </summary>
public static class PrivateTestsField
{
    /// <summary>Decoded payloads above this size are refused: a guard against compression bombs, far above any real row.</summary>
    public const long MaxDecodedBytes = 1L << 30;

    public static string DecodeJsonText(string field) => Encoding.UTF8.GetString(DecodeJsonUtf8(field).Span);

    /// <summary>The JSON text as UTF-8, ready for the JSON parser without another copy.</summary>
    public static ReadOnlyMemory<byte> DecodeJsonUtf8(string field)
    {
        if (AsJson(field) is { } json)
        {
            return json;
        }
        return PickleReader.ReadUtf8(Inflate(Base64(field)));
    }

    /// <returns>the field as UTF-8 when it is a JSON document, else null.</returns>
    private static byte[]? AsJson(string field)
    {
        // Encoded fields fail on their first character, so this costs almost nothing for them.
        if (!LooksLikeJsonStart(field.AsSpan().TrimStart()))
        {
            return null;
        }
        var bytes = Encoding.UTF8.GetBytes(field);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
            }
            return bytes;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool LooksLikeJsonStart(ReadOnlySpan<char> text) =>
        text.Length > 0 && (text[0] is '[' or '{' or '"' or '-' or 't' or 'f' or 'n' || char.IsAsciiDigit(text[0]));

    /// <summary>Like Python's non-validating b64decode: characters outside the alphabet are discarded, padding must be right.</summary>
    private static byte[] Base64(string field)
    {
        var alphabetOnly = field.AsSpan().ContainsAnyExcept(Base64Alphabet) ? string.Concat(field.Where(Base64Alphabet.Contains)) : field;
        try
        {
            return Convert.FromBase64String(alphabetOnly);
        }
        catch (FormatException)
        {
            throw new InvalidDataException("private_test_cases is neither JSON nor valid base64 (wrong length or padding)");
        }
    }

    private static readonly SearchValues<char> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    private static ArraySegment<byte> Inflate(byte[] compressed)
    {
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var output = new MemoryStream(compressed.Length * 4);
        var buffer = new byte[81920];
        int read;
        while ((read = ReadZlib(zlib, buffer)) > 0)
        {
            if (output.Length + read > MaxDecodedBytes)
            {
                throw new InvalidDataException($"private_test_cases inflates to more than {MaxDecodedBytes} bytes; refused");
            }
            output.Write(buffer, 0, read);
        }
        return new ArraySegment<byte>(output.GetBuffer(), 0, (int)output.Length);
    }

    private static int ReadZlib(ZLibStream zlib, byte[] buffer)
    {
        try
        {
            return zlib.Read(buffer);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"private_test_cases is base64 but not a valid zlib stream: {exception.Message}");
        }
    }
}
