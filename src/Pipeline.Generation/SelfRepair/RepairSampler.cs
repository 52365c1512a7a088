using Pipeline.Generation.Offline;
using Pipeline.Generation.Extraction;
using Pipeline.Generation;
using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.SelfRepair;

/// <summary>
/// Self-repair of one problem as the official runner (<c>run_main_repair</c>, <c>combine_results</c>): each failing
/// code-generation sample is sent once with its feedback (the official runner asserts n = 1), each passing one keeps
/// its original answer; every answer is then extracted as code generation, in the run's style.
/// </summary>
public sealed class RepairSampler(SampleGenerator generator)
{
    public async Task<IReadOnlyList<GeneratedSample>> RepairAsync(CodegenProblem problem, PromptStyle style, ModelTarget target, CancellationToken cancellationToken)
    {
        var items = RepairPlan.For(problem, style);
        return await Task.WhenAll(items.Select(async item => item.Prompt is null
            ? Kept(item, style)
            : (await generator.GenerateAsync(
                (target with { Sampling = target.Sampling with { N = 1 } }).Ask(item.Prompt) with { FirstSampleIndex = item.SampleIndex }, cancellationToken))[0]));
    }

    private static GeneratedSample Kept(RepairItem item, PromptStyle style) => new()
    {
        SampleIndex = item.SampleIndex,
        RawOutput = item.Original.Output,
        Code = CodeExtractor.Extract(item.Original.Output, style),
    };
}
