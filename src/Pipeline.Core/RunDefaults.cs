using Pipeline.Contracts;

namespace Pipeline.Core;

/// <summary>
/// The one place of a run's defaults, for the CLI's options, the API's request and the grader alike: sampling as
/// <see cref="SamplingSettings"/> declares it (the official runner's), and the official per-test timeout.
/// </summary>
public static class RunDefaults
{
    public static SamplingSettings Sampling { get; } = new();

    /// <summary>Seconds per test case, as the official runner's timeout.</summary>
    public const double TimeoutSeconds = 6;

    /// <summary>The official LMStyle name for chat servers.</summary>
    public const string PromptStyle = "OpenAIChat";
}
