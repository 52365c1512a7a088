using Pipeline.Core.Problems;
using Pipeline.Generation;
using Pipeline.Generation.Offline;
using Pipeline.Generation.Prompts;

namespace Pipeline.Generation.SelfRepair;

/// <summary>
/// `lcb generate --scenario selfrepair`: the problems of the code-generation run that the dataset selection holds,
/// each repaired and written in the official layout with the run's code_list as original_code_list.
/// </summary>
public sealed class OfflineRepair(RepairSampler sampler, CodegenRun codegen)
{
    private readonly Dictionary<string, CodegenProblem> _byId = codegen.Problems.ToDictionary(problem => problem.QuestionId);

    public Task RunAsync(
        IReadOnlyList<Problem> pending, OfflineGenerationSettings settings, GenerationOutput output,
        Action<Problem, IReadOnlyList<GeneratedSample>> onProblemDone, CancellationToken cancellationToken) =>
        OfflineGenerator.RunEachAsync(pending, settings.Parallelism, output, onProblemDone, async (problem, token) =>
        {
            var original = _byId[problem.QuestionId];
            var samples = await sampler.RepairAsync(original, settings.Style, settings.Target, token);
            return (samples, GenerationRow.Serialize(problem, samples, original.Samples.Select(sample => sample.Code).ToList()));
        }, cancellationToken);

    /// <summary>The prompts that would be sent, keyed "question_id#sample"; passing samples send nothing.</summary>
    public static IEnumerable<(string Key, ModelPrompt Prompt)> Prompts(CodegenRun codegen, IEnumerable<Problem> problems, PromptStyle style)
    {
        var byId = codegen.Problems.ToDictionary(problem => problem.QuestionId);
        return problems.SelectMany(problem => RepairPlan.For(byId[problem.QuestionId], style)
            .Where(item => item.Prompt is not null)
            .Select(item => ($"{problem.QuestionId}#{item.SampleIndex}", item.Prompt!)));
    }
}
