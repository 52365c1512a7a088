using System.Text.Json;
using Pipeline.Core.Stores;
using StackExchange.Redis;

namespace Pipeline.Generation.SelfRepair;

/// <summary>Code-generation samples in one Redis hash per self-repair run ({prefix}codegen:{run}), a JSON problem per field.</summary>
public sealed class RedisCodegenStore(IConnectionMultiplexer redis, RedisKeys keys) : ICodegenStore
{
    public Task PutAsync(Guid repairRunId, CodegenRun codegen, CancellationToken cancellationToken = default) =>
        redis.GetDatabase().HashSetAsync(keys.Codegen(repairRunId),
            [.. codegen.Problems.Select(problem => new HashEntry(problem.QuestionId, JsonSerializer.Serialize(problem)))]);

    public async Task<CodegenProblem?> GetAsync(Guid repairRunId, string questionId, CancellationToken cancellationToken = default)
    {
        var value = await redis.GetDatabase().HashGetAsync(keys.Codegen(repairRunId), questionId);
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<CodegenProblem>(value.ToString());
    }
}
