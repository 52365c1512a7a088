using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.Extraction;

/// <summary>
/// The official answers of the prediction scenarios (lcb_runner/utils/extraction_utils.py), string for string:
/// extract_test_output_code (non-CodeLLaMa styles) and extract_execution_code (with cot).
/// </summary>
public static class PredictionExtractor
{
    private const string Fence = "```";

    /// <summary>The last line starting with "assert"; else the lines between the first ```python (or ```) line and the next ``` line; else "".</summary>
    public static string TestOutput(string modelOutput)
    {
        var lines = modelOutput.Split('\n');
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (lines[i].StartsWith("assert", StringComparison.Ordinal))
            {
                return lines[i];
            }
        }
        var start = Array.FindIndex(lines, line => line.Contains("```python", StringComparison.Ordinal) || line.Contains("```Python", StringComparison.Ordinal));
        var fences = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(Fence, StringComparison.Ordinal)).ToList();
        if (start >= 0)
        {
            fences = [start, .. fences.Where(i => i > start)];
        }
        return fences.Count < 2 ? "" : string.Join('\n', lines[(fences[0] + 1)..fences[1]]);
    }

    /// <summary>With cot, the text after the first [ANSWER]; then after the first "=="; then up to [/ANSWER], else the first line; stripped.</summary>
    public static string Execution(string modelOutput, bool cot)
    {
        if (cot && modelOutput.Contains("[ANSWER]", StringComparison.Ordinal))
        {
            modelOutput = Strip(SecondPart(modelOutput, "[ANSWER]"));
        }
        if (modelOutput.Contains("==", StringComparison.Ordinal))
        {
            modelOutput = Strip(SecondPart(modelOutput, "=="));
        }
        modelOutput = modelOutput.Contains("[/ANSWER]", StringComparison.Ordinal)
            ? Strip(modelOutput[..modelOutput.IndexOf("[/ANSWER]", StringComparison.Ordinal)])
            : Strip(modelOutput.Split('\n')[0]);
        return Strip(modelOutput);
    }

    /// <summary>Python's text.split(separator)[1]: between the first and the second occurrence.</summary>
    private static string SecondPart(string text, string separator)
    {
        var start = text.IndexOf(separator, StringComparison.Ordinal) + separator.Length;
        var next = text.IndexOf(separator, start, StringComparison.Ordinal);
        return next < 0 ? text[start..] : text[start..next];
    }

    private static string Strip(string text) => PythonText.Strip(text);
}
