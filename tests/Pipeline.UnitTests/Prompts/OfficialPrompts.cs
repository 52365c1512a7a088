using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Cli.Evaluation;
using Pipeline.Generation.Prompts;

namespace Pipeline.UnitTests.Prompts;

/// <summary>
/// The expected prompts the official builders produced (tests/data/prompts, written by official_prompts.py run
/// beside the official runner): per key and style a digest of what is sent, or "error:&lt;Exception&gt;".
/// </summary>
internal static class OfficialPrompts
{
    public static string Folder => Path.Combine(BundledData.Directory, "..", "prompts");

    public static IEnumerable<JsonElement> Read(string file) =>
        File.ReadLines(Path.Combine(Folder, file)).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement);

    /// <summary>The digest official_prompts.py computes, of a prompts-only row as `lcb generate --prompts-only` writes it.</summary>
    public static string Digest(string promptRow)
    {
        var row = JsonDocument.Parse(promptRow).RootElement;
        var canonical = row.TryGetProperty("prompt", out var text)
            ? "prompt\0" + text.GetString()
            : "messages" + string.Concat(row.GetProperty("messages").EnumerateArray()
                .Select(m => $"\0{m.GetProperty("role").GetString()}\0{m.GetProperty("content").GetString()}"));
        return TextDigest(canonical);
    }

    public static string TextDigest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    public static PromptStyle Style(string name) => PromptStyles.Parse(name);
}
