namespace Pipeline.Generation.ModelClient;

/// <summary>
/// One answer of the model. <see cref="Issue"/> is set when there is no usable text (empty answer,
/// unparseable response, missing choice); the text is then empty and must never be graded as code.
/// <see cref="Reasoning"/> is a reasoning model's separate <c>reasoning_content</c>, kept but never extracted from;
/// <see cref="Truncated"/> says the server stopped at the token limit (<c>finish_reason: "length"</c>).
/// </summary>
public sealed record ModelAnswer(string Text, string? Issue, string? Reasoning = null, bool Truncated = false);

/// <summary>What one request returned: its answers, the API's token usage and the wall time it took.</summary>
public sealed record ModelReply
{
    public required IReadOnlyList<ModelAnswer> Answers { get; init; }
    /// <summary>False when the body could not be read as an OpenAI response: worth asking again later, not caching.</summary>
    public required bool Parsed { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double LatencyMs { get; init; }
}
