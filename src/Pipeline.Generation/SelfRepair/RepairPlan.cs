using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.SelfRepair;

/// <summary>
/// What self-repair does with one code-generation sample: a passing sample is not sent (its original answer is
/// re-extracted, <see cref="Prompt"/> null); a failing one is sent with the official feedback on its verdict.
/// </summary>
public sealed record RepairItem(int SampleIndex, CodegenSample Original, ModelPrompt? Prompt);

/// <summary>The official runner's <c>run_main_repair</c> for one problem, in sample order.</summary>
public static class RepairPlan
{
    public static IReadOnlyList<RepairItem> For(CodegenProblem problem, PromptStyle style) =>
        problem.Samples.Select((sample, index) => new RepairItem(index, sample, sample.Passed
            ? null
            : SelfRepairPrompt.Build(style, problem.QuestionContent, sample.Code, RepairFeedback.For(sample.MetadataJson)))).ToList();
}
