using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.Prompts;
using Pipeline.Generation.SelfRepair;

namespace Pipeline.Generation;

/// <summary>
/// The samples of one problem in its run's scenario: one official prompt asked n times, or, for self-repair, each
/// code-generation sample of the problem repaired (failing ones sent with their feedback, passing ones kept).
/// </summary>
public sealed class ScenarioSampler(SampleGenerator generator, ICodegenStore codegen)
{
    /// <exception cref="InvalidDataException">a self-repair run whose code-generation samples of this problem are not stored</exception>
    public async Task<IReadOnlyList<GeneratedSample>> SampleAsync(GenerateSolutions command, Problem problem, CancellationToken cancellationToken)
    {
        var scenario = ScenarioNames.Parse(command.Scenario);
        var style = PromptStyles.Parse(command.PromptStyle);
        if (scenario == Scenario.SelfRepair)
        {
            var original = await codegen.GetAsync(command.RunId, command.ProblemId, cancellationToken)
                ?? throw new InvalidDataException($"self-repair run {command.RunId} has no code-generation samples of '{command.ProblemId}' in the codegen store");
            return await new RepairSampler(generator).RepairAsync(original, style, ModelTarget.Of(command), cancellationToken);
        }
        return await generator.GenerateAsync(GenerationRequest.Official(scenario, command.Cot, style, problem, ModelTarget.Of(command)), cancellationToken);
    }
}
