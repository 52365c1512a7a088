using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.Extraction;

/// <summary>
/// Takes the code out of a model answer exactly as the official runner (lcb_runner/utils/extraction_utils.py):
/// GenericBase: the whole answer with surrounding whitespace stripped; every other style Pipeline serves: the lines
/// between the last two lines containing ``` (fewer than two such lines: empty code).
/// </summary>
public static class CodeExtractor
{
    private const string Fence = "```";

    public static string Extract(string modelOutput, PromptStyle style) =>
        style == PromptStyle.GenericBase ? PythonText.Strip(modelOutput) : LastFencedBlock(modelOutput);

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
