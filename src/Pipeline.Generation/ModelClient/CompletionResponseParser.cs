using System.Text.Json;
using Pipeline.Core;

namespace Pipeline.Generation.ModelClient;

/// <summary>
/// Reads an OpenAI completion body (chat: choices[].message.content and, from reasoning models, reasoning_content;
/// completion: choices[].text), each choice's finish_reason, and the usage.
/// </summary>
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
                .Select(choice => AnswerOrIssue(choice, chat))
                .ToList();
            var (promptTokens, completionTokens) = Usage(root);
            return new ModelReply { Answers = answers, Parsed = true, PromptTokens = promptTokens, CompletionTokens = completionTokens };
        }
        catch (JsonException error)
        {
            return Unparseable($"response is not JSON: {error.Message}", expectedAnswers);
        }
    }

    /// <summary>A choice whose text is unusable fails as that one sample (like an empty answer), not as the whole reply.</summary>
    private static ModelAnswer AnswerOrIssue(JsonElement choice, bool chat)
    {
        try
        {
            return Answer(choice, chat);
        }
        catch (InvalidDataException unusable)
        {
            return new ModelAnswer("", $"unusable answer: {unusable.Message}");
        }
    }

    private static ModelAnswer Answer(JsonElement choice, bool chat)
    {
        var message = chat && choice.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var text = chat ? Text(message, "content") : Text(choice, "text");
        var reasoning = chat ? Text(message, "reasoning_content") : null;
        var truncated = Text(choice, "finish_reason") == "length";
        return string.IsNullOrEmpty(text)
            ? new ModelAnswer("", truncated ? "empty answer (stopped at the token limit)" : "empty answer", reasoning, truncated)
            : new ModelAnswer(text, null, reasoning, truncated);
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? JsonText.Of(value, $"'{name}'") : null;

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
