namespace Pipeline.Core.Stores;

/// <summary>
/// Every Redis key the stores use, in one place. The prefix (Stores:KeyPrefix) separates deployments sharing one
/// Redis, and tests from each other (each test uses its own). Keys a Lua script touches together share a hash tag
/// ({runId}, {evaluations}), so the script stays in one slot also on a Redis cluster.
/// </summary>
public sealed record RedisKeys(string Prefix = RedisKeys.DefaultPrefix)
{
    public const string DefaultPrefix = "pipeline:";

    public string Suite(string hash) => $"{Prefix}suite:{hash}";

    public string Problem(string questionId) => $"{Prefix}problem:{questionId}";

    /// <summary>A stored verdict, by the digest of (code, suite, grader version).</summary>
    public string Verdict(string digest) => $"{Prefix}verdict:{digest}";

    /// <summary>A cached model answer, by the digest of its request and the sample's index.</summary>
    public string Generation(string requestDigest, int sampleIndex) => $"{Prefix}gen:{requestDigest}:{sampleIndex}";

    /// <summary>Hash of the code-generation samples a self-repair run repairs, by question id.</summary>
    public string Codegen(Guid repairRunId) => $"{Prefix}codegen:{repairRunId:N}";

    /// <summary>Sorted set of run ids scored by start time.</summary>
    public string Runs => $"{Prefix}runs";

    /// <summary>One part of a run's state (info, verdicts, n, c, report).</summary>
    public string Run(Guid runId, string part) => $"{Prefix}run:{{{runId:N}}}:{part}";

    /// <summary>Hash of published scores, a field per model and scenario.</summary>
    public string PublishedScores => $"{Prefix}published-scores";

    /// <summary>Hash of evaluation claims (which run holds a request's claim).</summary>
    public string EvaluationClaims => $"{Prefix}{{evaluations}}:claims";

    /// <summary>Sorted set of requested evaluations by request time.</summary>
    public string EvaluationIndex => $"{Prefix}{{evaluations}}:index";

    public string Evaluation(Guid runId) => $"{Prefix}{{evaluations}}:run:{runId:N}";
}
