using Pipeline.Generation.SelfRepair;
using Pipeline.Runs;
using Pipeline.Runs.Export;

namespace Pipeline.Evaluations.SelfRepair;

/// <summary>
/// A self-repair run exported as the official runner writes it: each problem's code-generation code as
/// <c>original_code_list</c>, read from the codegen store, where the run's start put it under the run's id.
/// </summary>
public static class SelfRepairExport
{
    /// <returns><paramref name="exported"/> unchanged for a run that is not a self-repair.</returns>
    /// <exception cref="InvalidOperationException">the codegen store no longer holds a problem of the run</exception>
    public static async Task<IReadOnlyList<ExportedProblem>> WithOriginalCodeAsync(
        RunRegistration run, IReadOnlyList<ExportedProblem> exported, ICodegenStore codegen, CancellationToken cancellationToken)
    {
        if (run.Request?.Codegen is null)
        {
            return exported;
        }
        var withOriginals = new List<ExportedProblem>(exported.Count);
        foreach (var problem in exported)
        {
            var original = await codegen.GetAsync(run.RunId, problem.Problem.QuestionId, cancellationToken)
                ?? throw new InvalidOperationException(
                    $"run {run.RunId}: the code-generation samples of problem '{problem.Problem.QuestionId}' are no longer stored; its original_code_list cannot be written");
            withOriginals.Add(problem with { OriginalCodeList = [.. original.Samples.Select(sample => sample.Code)] });
        }
        return withOriginals;
    }
}
