namespace Pipeline.Replay.Recordings;

/// <summary>
/// Finds the question text inside an official LCB prompt: after "### Question:" up to "### Format:" (chat),
/// or in the last "### Question" section up to "### Starter Code" / "### Answer" (base models).
/// </summary>
public static class PromptQuestion
{
    public static string? Extract(string prompt)
    {
        var chatStart = prompt.IndexOf("### Question:\n", StringComparison.Ordinal);
        if (chatStart >= 0)
        {
            return Between(prompt, chatStart + "### Question:\n".Length, "\n\n### Format: ");
        }
        var baseStart = prompt.LastIndexOf("### Question\n", StringComparison.Ordinal);
        if (baseStart < 0)
        {
            return null;
        }
        var start = baseStart + "### Question\n".Length;
        return Between(prompt, start, "\n\n### Starter Code\n") ?? Between(prompt, start, "\n\n### Answer\n");
    }

    private static string? Between(string prompt, int start, string endMarker)
    {
        var end = prompt.LastIndexOf(endMarker, StringComparison.Ordinal);
        return end >= start ? prompt[start..end] : null;
    }
}
