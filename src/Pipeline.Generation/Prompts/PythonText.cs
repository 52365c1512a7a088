namespace Pipeline.Generation.Prompts;

/// <summary>Python's <c>str.strip()</c> / <c>rstrip()</c>, which the official prompts and extraction use.</summary>
public static class PythonText
{
    /// <summary>The characters Python's str.strip() removes (str.isspace); .NET's Trim() misses U+001C..U+001F.</summary>
    private static readonly char[] Whitespace =
    [
        '\t', '\n', '\v', '\f', '\r', '\u001C', '\u001D', '\u001E', '\u001F', ' ', '\u0085', '\u00A0', '\u1680',
        '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
        '\u2028', '\u2029', '\u202F', '\u205F', '\u3000',
    ];

    public static string Strip(string text) => text.Trim(Whitespace);

    public static string RStrip(string text) => text.TrimEnd(Whitespace);
}
