using System.Globalization;
using System.Text;

namespace Pipeline.Dataset.Pickle;

/// <summary>
/// Python's raw-unicode-escape codec, which protocol 0 uses for str (UNICODE opcode): bytes are
/// Latin-1 code points except <c>\uXXXX</c> and <c>\UXXXXXXXX</c>, which name a code point.
/// </summary>
internal static class RawUnicodeEscape
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        var i = 0;
        while (i < bytes.Length)
        {
            var digits = EscapeDigits(bytes, i);
            if (digits == 0)
            {
                text.Append((char)bytes[i]);
                i++;
                continue;
            }
            var hex = Encoding.ASCII.GetString(bytes.Slice(i + 2, digits));
            if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
                || codePoint > 0x10FFFF)
            {
                throw new InvalidDataException($"invalid \\{(char)bytes[i + 1]} escape '{hex}' in a protocol 0 str");
            }
            AppendCodePoint(text, codePoint);
            i += 2 + digits;
        }
        return text.ToString();
    }

    /// <returns>4 or 8 when an escape starts at <paramref name="i"/>, else 0.</returns>
    private static int EscapeDigits(ReadOnlySpan<byte> bytes, int i)
    {
        if (bytes[i] != (byte)'\\' || i + 1 >= bytes.Length)
        {
            return 0;
        }
        var digits = bytes[i + 1] switch { (byte)'u' => 4, (byte)'U' => 8, _ => 0 };
        if (digits > 0 && i + 2 + digits > bytes.Length)
        {
            throw new InvalidDataException("truncated \\u escape in a protocol 0 str");
        }
        return digits;
    }

    private static void AppendCodePoint(StringBuilder text, int codePoint)
    {
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            text.Append((char)codePoint); // Python keeps lone surrogates; so do we
        }
        else
        {
            text.Append(char.ConvertFromUtf32(codePoint));
        }
    }
}
