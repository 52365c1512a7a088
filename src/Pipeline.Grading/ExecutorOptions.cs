namespace Pipeline.Grading;

/// <summary>Section "Executor": how many suites stay cached, whether verdicts are reused. The sandbox has its own section, "Sandbox".</summary>
public sealed record ExecutorOptions
{
    public const string Section = "Executor";

    public int SuiteCacheSize { get; init; } = 256;

    /// <summary>Answer code already graded on the same suite from the verdict store (docs/decisions/011); false grades every sample.</summary>
    public bool ReuseVerdicts { get; init; } = true;
}
