using System.Text.Json;

namespace Pipeline.Generation.ModelClient;

/// <summary>Reads an OpenAI completion body (chat: choices[].message.content; completion: choices[].text) and its usage.</summary>
public static class CompletionResponseParser
{
    public static ModelReply Parse(string body, bool chat, int expectedAnswers)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
            {
                return Unparseable("response has no choices array", expectedAnswers);
            }
            var answers = choices.EnumerateArray()
                .OrderBy(choice => choice.TryGetProperty("index", out var index) && index.ValueKind == JsonValueKind.Number ? index.GetInt32() : 0)
                .Select(choice => Answer(choice, chat))
                .ToList();
            var (promptTokens, completionTokens) = Usage(root);
            return new ModelReply { Answers = answers, Parsed = true, PromptTokens = promptTokens, CompletionTokens = completionTokens };
        }
        catch (JsonException error)
        {
            return Unparseable($"response is not JSON: {error.Message}", expectedAnswers);
        }
    }

    private static ModelAnswer Answer(JsonElement choice, bool chat)
    {
        var text = chat
            ? choice.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
                ? content.GetString() : null
            : choice.TryGetProperty("text", out var completion) && completion.ValueKind == JsonValueKind.String
                ? completion.GetString() : null;
        return string.IsNullOrEmpty(text) ? new ModelAnswer("", "empty answer") : new ModelAnswer(text, null);
    }

    private static (int Prompt, int Completion) Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return (0, 0);
        }
        return (Count(usage, "prompt_tokens"), Count(usage, "completion_tokens"));
    }

    private static int Count(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out var value) && value.TryGetInt32(out var count) ? count : 0;

    private static ModelReply Unparseable(string reason, int expectedAnswers) => new()
    {
        Answers = Enumerable.Repeat(new ModelAnswer("", $"unparseable response: {reason}"), expectedAnswers).ToList(),
        Parsed = false,
    };
}
