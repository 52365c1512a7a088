using Pipeline.Contracts;
using Pipeline.Generation.SelfRepair;

namespace Pipeline.Evaluations.SelfRepair;

/// <summary>
/// Makes a StartEvaluation a self-repair of a code-generation run: stores the run's samples for the Generator under
/// the new run's id, names the run and its problems in the message, and sets n to its samples per problem (each
/// code-generation sample gives one repaired sample, as the official runner's <c>codegen_n</c>).
/// </summary>
public sealed class SelfRepairStart(CodegenRunReader reader, ICodegenStore store)
{
    /// <exception cref="InvalidDataException">the code-generation run cannot be repaired; the message says why</exception>
    /// <exception cref="Pipeline.Runs.RunNotFoundException">no file or run by that name</exception>
    public async Task<StartEvaluation> AttachAsync(StartEvaluation start, string runOrFile, CancellationToken cancellationToken)
    {
        var codegen = await reader.ReadAsync(runOrFile, cancellationToken);
        var sampleCounts = codegen.Problems.Select(problem => problem.Samples.Count).Distinct().ToList();
        if (sampleCounts.Count != 1 || sampleCounts[0] == 0)
        {
            throw new InvalidDataException(codegen.Problems.Count == 0
                ? $"{codegen.Source} holds no problem to repair"
                : $"{codegen.Source} has {string.Join(" or ", sampleCounts)} samples per problem; self-repair needs one count for every problem");
        }
        await store.PutAsync(start.RunId, codegen, cancellationToken);
        return start with
        {
            Codegen = new CodegenSource { Source = codegen.Source, ProblemIds = [.. codegen.Problems.Select(problem => problem.QuestionId)] },
            Sampling = start.Sampling with { N = sampleCounts[0] },
        };
    }
}
