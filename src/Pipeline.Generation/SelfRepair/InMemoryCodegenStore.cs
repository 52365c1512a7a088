using System.Collections.Concurrent;

namespace Pipeline.Generation.SelfRepair;

/// <summary>Code-generation samples held in process: for unit tests and the single-process quick start.</summary>
public sealed class InMemoryCodegenStore : ICodegenStore
{
    private readonly ConcurrentDictionary<(Guid, string), CodegenProblem> _problems = new();

    public Task PutAsync(Guid repairRunId, CodegenRun codegen, CancellationToken cancellationToken = default)
    {
        foreach (var problem in codegen.Problems)
        {
            _problems[(repairRunId, problem.QuestionId)] = problem;
        }
        return Task.CompletedTask;
    }

    public Task<CodegenProblem?> GetAsync(Guid repairRunId, string questionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_problems.GetValueOrDefault((repairRunId, questionId)));
}
