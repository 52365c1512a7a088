using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.Extraction;

/// <summary>
/// Takes the code out of a model answer exactly as the official runner (lcb_runner/utils/extraction_utils.py):
/// chat style: the lines between the last two lines containing ``` (fewer than two such lines: empty code);
/// base style: the whole answer with surrounding whitespace stripped.
/// </summary>
public static class CodeExtractor
{
    private const string Fence = "```";

    /// <summary>The characters Python's str.strip() removes (str.isspace); .NET's Trim() misses U+001C..U+001F.</summary>
    internal static readonly char[] PythonWhitespace =
    [
        '\t', '\n', '\v', '\f', '\r', '\u001C', '\u001D', '\u001E', '\u001F', ' ', '\u0085', '\u00A0', '\u1680',
        '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
        '\u2028', '\u2029', '\u202F', '\u205F', '\u3000',
    ];

    public static string Extract(string modelOutput, PromptStyle style) => style switch
    {
        PromptStyle.Chat => LastFencedBlock(modelOutput),
        PromptStyle.Base => modelOutput.Trim(PythonWhitespace),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "unknown prompt style"),
    };

    private static string LastFencedBlock(string modelOutput)
    {
        var lines = modelOutput.Split('\n');
        int last = -1, beforeLast = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(Fence, StringComparison.Ordinal))
            {
                beforeLast = last;
                last = i;
            }
        }
        return beforeLast < 0 ? "" : string.Join('\n', lines[(beforeLast + 1)..last]);
    }
}
