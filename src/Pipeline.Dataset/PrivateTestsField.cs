using System.Buffers;
using System.IO.Compression;
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

    /// <summary>The JSON text as UTF-8, ready for the JSON parser without another copy.</summary>
    /// <param name="field">the field's text as UTF-8</param>
    public static ReadOnlyMemory<byte> DecodeJsonUtf8(ReadOnlyMemory<byte> field) =>
        IsJson(field.Span) ? field : PickleReader.ReadUtf8(Inflate(Base64(field.Span)));

    private static bool IsJson(ReadOnlySpan<byte> field)
    {
        // Encoded fields fail on their first character, so this costs almost nothing for them.
        if (!LooksLikeJsonStart(field.TrimStart(" \t\r\n"u8)))
        {
            return false;
        }
        var reader = new Utf8JsonReader(field, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool LooksLikeJsonStart(ReadOnlySpan<byte> text) =>
        text.Length > 0 && (text[0] is (byte)'[' or (byte)'{' or (byte)'"' or (byte)'-' or (byte)'t' or (byte)'f' or (byte)'n' || char.IsAsciiDigit((char)text[0]));

    /// <summary>Like Python's non-validating b64decode: characters outside the alphabet are discarded, padding must be right.</summary>
    private static byte[] Base64(ReadOnlySpan<byte> field)
    {
        var alphabetOnly = field.ContainsAnyExcept(Base64Alphabet) ? [.. AlphabetOnly(field)] : field;
        var decoded = new byte[System.Buffers.Text.Base64.GetMaxDecodedFromUtf8Length(alphabetOnly.Length)];
        return System.Buffers.Text.Base64.DecodeFromUtf8(alphabetOnly, decoded, out _, out var written) == OperationStatus.Done
            ? decoded[..written]
            : throw new InvalidDataException("private_test_cases is neither JSON nor valid base64 (wrong length or padding)");
    }

    private static List<byte> AlphabetOnly(ReadOnlySpan<byte> field)
    {
        var kept = new List<byte>(field.Length);
        foreach (var character in field)
        {
            if (Base64Alphabet.Contains(character))
            {
                kept.Add(character);
            }
        }
        return kept;
    }

    private static readonly SearchValues<byte> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="u8);

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
