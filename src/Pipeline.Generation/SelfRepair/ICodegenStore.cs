namespace Pipeline.Generation.SelfRepair;

/// <summary>
/// The code-generation samples of a self-repair run, by that run's id: written once by whoever starts the run (the
/// Generator cannot read the user's _eval_all file), read by the Generator per problem.
/// </summary>
public interface ICodegenStore
{
    Task PutAsync(Guid repairRunId, CodegenRun codegen, CancellationToken cancellationToken = default);

    Task<CodegenProblem?> GetAsync(Guid repairRunId, string questionId, CancellationToken cancellationToken = default);
}
