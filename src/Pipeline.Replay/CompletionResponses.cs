namespace Pipeline.Replay;

/// <summary>OpenAI-shaped bodies. Token counts are estimates (4 characters a token): the replay has no tokenizer.</summary>
internal static class CompletionResponses
{
    public static object Chat(string model, string prompt, IReadOnlyList<string> outputs) => new
    {
        id = $"chatcmpl-{Guid.NewGuid():N}",
        @object = "chat.completion",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        model,
        choices = outputs.Select((text, index) => new
        {
            index,
            message = new { role = "assistant", content = text },
            finish_reason = "stop",
        }),
        usage = Usage(prompt, outputs),
    };

    public static object Completion(string model, string prompt, IReadOnlyList<string> outputs) => new
    {
        id = $"cmpl-{Guid.NewGuid():N}",
        @object = "text_completion",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        model,
        choices = outputs.Select((text, index) => new { index, text, finish_reason = "stop" }),
        usage = Usage(prompt, outputs),
    };

    public static object Error(string message, string type) => new { error = new { message, type } };

    private static object Usage(string prompt, IReadOnlyList<string> outputs)
    {
        var completion = outputs.Sum(Tokens);
        return new { prompt_tokens = Tokens(prompt), completion_tokens = completion, total_tokens = Tokens(prompt) + completion };
    }

    private static int Tokens(string text) => (text.Length + 3) / 4;
}
