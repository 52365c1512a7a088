using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.Offline;

/// <summary>
/// One line of `lcb generate --prompts-only`: the item's key and exactly what would be sent, <c>{"messages": [...]}</c>
/// for a chat style, <c>{"prompt": "..."}</c> for a completion style.
/// </summary>
public static class PromptRow
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(string key, ModelPrompt prompt)
    {
        var row = new JsonObject { ["key"] = key };
        if (prompt.SendsMessages)
        {
            row["messages"] = new JsonArray(prompt.Messages
                .Select(message => (JsonNode?)new JsonObject { ["role"] = message.Role, ["content"] = message.Content }).ToArray());
        }
        else
        {
            row["prompt"] = prompt.Text;
        }
        return row.ToJsonString(Options);
    }
}
