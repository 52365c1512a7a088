using Pipeline.Core.Stores;

namespace Pipeline.Runs;

/// <summary>
/// The parts of a run's state in Redis, named for the run store; the keys themselves come from <see cref="RedisKeys"/>.
/// </summary>
internal sealed class RedisRunKeys(RedisKeys keys)
{
    /// <summary>Sorted set of run ids scored by start time.</summary>
    public string Runs => keys.Runs;

    public string Info(Guid runId) => Run(runId, "info");

    /// <summary>Hash "problemId#sampleIndex" → verdict JSON; HSETNX makes each sample count once.</summary>
    public string Verdicts(Guid runId) => Run(runId, "verdicts");

    /// <summary>Hash problemId → samples graded (n).</summary>
    public string Samples(Guid runId) => Run(runId, "n");

    /// <summary>Hash problemId → samples passed (c).</summary>
    public string Correct(Guid runId) => Run(runId, "c");

    /// <summary>Hash problemId → samples graded with no result (skipped answers).</summary>
    public string Skipped(Guid runId) => Run(runId, "s");

    /// <summary>Hash of the run's generation totals (tokens, latency and grading sums, issues by kind, …).</summary>
    public string GenerationTotals(Guid runId) => Run(runId, "gen");

    /// <summary>Sorted set "problemId#sampleIndex" by model latency (ms): the exact latency percentile.</summary>
    public string Latencies(Guid runId) => Run(runId, "latency");

    public string Report(Guid runId) => Run(runId, "report");

    /// <summary>Hash problemId (generation) or "problemId#sampleIndex" (grading) → parked work JSON.</summary>
    public string Parked(Guid runId) => Run(runId, "parked");

    public string FailedStart(Guid runId) => Run(runId, "failed");

    public static string SampleField(string problemId, int sampleIndex) => $"{problemId}#{sampleIndex}";

    private string Run(Guid runId, string part) => keys.Run(runId, part);
}
