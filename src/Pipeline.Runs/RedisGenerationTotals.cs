using System.Globalization;
using Pipeline.Runs.Views;
using StackExchange.Redis;

namespace Pipeline.Runs;

/// <summary>
/// A run's <see cref="GenerationTotals"/> in Redis: a hash of sums written by the run store's record script in the
/// same step as the verdict (so a duplicate never counts twice), and a sorted set of latencies by sample for the exact
/// 95th percentile. A run recorded before the totals were kept (its totals count fewer samples than it holds) is read
/// from its samples once, and the totals are written then, unless a verdict arrived meanwhile.
/// </summary>
internal sealed class RedisGenerationTotals(IConnectionMultiplexer redis, RedisRunKeys keys)
{
    private const string Samples = "samples";
    private const string PromptTokens = "promptTokens";
    private const string CompletionTokens = "completionTokens";
    private const string MaxCompletionTokens = "maxCompletionTokens";
    private const string LatencyMs = "latencyMs";
    private const string GradingMs = "gradingMs";
    private const string NoCodeExtracted = "noCode";
    private const string ReusedVerdicts = "reused";
    private const string IssuePrefix = "issue:";

    /// <summary>The record script's part, run after its first-write check: KEYS[6] totals, KEYS[7] latencies, ARGV[1] the sample, ARGV[6..12].</summary>
    public const string RecordStep = $"""
        redis.call('HINCRBY', KEYS[6], '{Samples}', 1)
        redis.call('HINCRBY', KEYS[6], '{PromptTokens}', ARGV[6])
        redis.call('HINCRBY', KEYS[6], '{CompletionTokens}', ARGV[7])
        local max = redis.call('HGET', KEYS[6], '{MaxCompletionTokens}')
        if not max or tonumber(ARGV[7]) > tonumber(max) then
          redis.call('HSET', KEYS[6], '{MaxCompletionTokens}', ARGV[7])
        end
        redis.call('HINCRBYFLOAT', KEYS[6], '{LatencyMs}', ARGV[8])
        redis.call('HINCRBYFLOAT', KEYS[6], '{GradingMs}', ARGV[9])
        redis.call('HINCRBY', KEYS[6], '{NoCodeExtracted}', ARGV[10])
        redis.call('HINCRBY', KEYS[6], '{ReusedVerdicts}', ARGV[11])
        if ARGV[12] ~= '' then
          redis.call('HINCRBY', KEYS[6], '{IssuePrefix}' .. ARGV[12], 1)
        end
        redis.call('ZADD', KEYS[7], ARGV[8], ARGV[1])

        """;

    // The samples held and the totals, read together so a verdict cannot fall between them.
    private const string ReadScript = """
        return {redis.call('HLEN', KEYS[1]), redis.call('HGETALL', KEYS[2]), redis.call('ZCARD', KEYS[3])}
        """;

    // Verdicts are only ever added: the same count as when the samples were read means the same samples.
    private const string BackfillScript = """
        if redis.call('HLEN', KEYS[1]) ~= tonumber(ARGV[1]) then
          return 0
        end
        redis.call('DEL', KEYS[2], KEYS[3])
        local fields = 2 + 2 * tonumber(ARGV[2])
        for i = 3, fields, 2 do
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
        end
        for i = fields + 1, #ARGV, 2 do
          redis.call('ZADD', KEYS[3], ARGV[i], ARGV[i + 1])
        end
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>The record script's ARGV[6..12] for this sample.</summary>
    public static RedisValue[] RecordArguments(SampleVerdict sample) =>
    [
        sample.PromptTokens, sample.CompletionTokens, sample.LatencyMs, sample.GradingMs,
        GenerationTotals.HasNoCode(sample) ? 1 : 0, sample.Reused ? 1 : 0, sample.GenerationIssue ?? "",
    ];

    public async Task<GenerationStatistics> ReadAsync(Guid runId, CancellationToken cancellationToken)
    {
        var read = (RedisResult[])(await Db.ScriptEvaluateAsync(ReadScript, [keys.Verdicts(runId), keys.GenerationTotals(runId), keys.Latencies(runId)]))!;
        var held = (long)read[0];
        var totals = Parse((RedisResult[])read[1]!);
        if (totals.Samples != held)
        {
            return await FromSamplesAsync(runId, cancellationToken);
        }
        return GenerationStatistics.Of(totals, await P95Async(runId, (long)read[2]));
    }

    private async Task<double> P95Async(Guid runId, long latencies)
    {
        if (latencies == 0)
        {
            return 0;
        }
        var rank = GenerationStatistics.P95Rank((int)latencies);
        var entry = await Db.SortedSetRangeByRankWithScoresAsync(keys.Latencies(runId), rank, rank);
        return entry.Length == 0 ? 0 : entry[0].Score;
    }

    private async Task<GenerationStatistics> FromSamplesAsync(Guid runId, CancellationToken cancellationToken)
    {
        var values = await Db.HashValuesAsync(keys.Verdicts(runId));
        var samples = values.Select(v => RunStoreJson.Read<SampleVerdict>(v.ToString())).ToList();
        var totals = GenerationTotals.Of(samples);
        var fields = Fields(totals);
        var arguments = new List<RedisValue>(2 + 2 * fields.Count + 2 * samples.Count) { samples.Count, fields.Count };
        foreach (var (name, value) in fields)
        {
            arguments.Add(name);
            arguments.Add(value);
        }
        foreach (var sample in samples)
        {
            arguments.Add(sample.LatencyMs);
            arguments.Add(RedisRunKeys.SampleField(sample.ProblemId, sample.SampleIndex));
        }
        await Db.ScriptEvaluateAsync(BackfillScript, [keys.Verdicts(runId), keys.GenerationTotals(runId), keys.Latencies(runId)], [.. arguments]);
        return GenerationStatistics.Of(samples);
    }

    private static List<(string Name, RedisValue Value)> Fields(GenerationTotals totals) =>
    [
        (Samples, totals.Samples), (PromptTokens, totals.PromptTokens), (CompletionTokens, totals.CompletionTokens),
        (MaxCompletionTokens, totals.MaxCompletionTokens), (LatencyMs, totals.LatencyMs), (GradingMs, totals.GradingMs),
        (NoCodeExtracted, totals.NoCodeExtracted), (ReusedVerdicts, totals.ReusedVerdicts),
        .. totals.Issues.Select(issue => (IssuePrefix + issue.Key, (RedisValue)issue.Value)),
    ];

    private static GenerationTotals Parse(RedisResult[] flat)
    {
        var hash = new Dictionary<string, string>();
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            hash[flat[i].ToString()] = flat[i + 1].ToString();
        }
        long Whole(string name) => hash.TryGetValue(name, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        double Real(string name) => hash.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : 0;
        return new GenerationTotals
        {
            Samples = (int)Whole(Samples),
            PromptTokens = Whole(PromptTokens),
            CompletionTokens = Whole(CompletionTokens),
            MaxCompletionTokens = (int)Whole(MaxCompletionTokens),
            LatencyMs = Real(LatencyMs),
            GradingMs = Real(GradingMs),
            NoCodeExtracted = (int)Whole(NoCodeExtracted),
            ReusedVerdicts = (int)Whole(ReusedVerdicts),
            Issues = hash.Where(e => e.Key.StartsWith(IssuePrefix, StringComparison.Ordinal))
                .ToDictionary(e => e.Key[IssuePrefix.Length..], e => int.Parse(e.Value, CultureInfo.InvariantCulture)),
        };
    }
}
