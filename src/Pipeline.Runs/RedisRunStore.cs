using Pipeline.Runs.Scoring;
using Pipeline.Runs.Views;
using Pipeline.Core.Stores;
using StackExchange.Redis;

namespace Pipeline.Runs;

/// <summary>Run state in Redis; registration and recording are Lua scripts, so each is one atomic step.</summary>
public sealed class RedisRunStore(IConnectionMultiplexer redis, RedisKeys keys) : IRunStore
{
    // Registration wins once; the run index is only touched by the winner, so a replay keeps the first start time.
    private const string RegisterScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
          redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
        end
        return redis.call('HLEN', KEYS[2])
        """;

    // The verdict, its counts and the run's generation totals change together or not at all: a duplicate finds its
    // field taken and stops. A verdict also ends what was parked of its problem's generation or its own grading (it was replayed).
    private const string RecordScript = """
        if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
          return {0, redis.call('HLEN', KEYS[1])}
        end
        redis.call('HDEL', KEYS[4], ARGV[1], ARGV[3])
        redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
        if ARGV[4] == '1' then
          redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
        end
        if ARGV[5] == '1' then
          redis.call('HINCRBY', KEYS[5], ARGV[3], 1)
        end

        """ + RedisGenerationTotals.RecordStep + """
        return {1, redis.call('HLEN', KEYS[1])}
        """;

    private readonly RedisRunKeys _keys = new(keys);
    private readonly RedisGenerationTotals _generation = new(redis, new RedisRunKeys(keys));
    private IDatabase Db => redis.GetDatabase();

    public async Task<long> RegisterAsync(RunRegistration run, CancellationToken cancellationToken = default)
    {
        var result = await Db.ScriptEvaluateAsync(
            RegisterScript,
            [_keys.Info(run.RunId), _keys.Verdicts(run.RunId), _keys.Runs],
            [RunStoreJson.Write(run), run.StartedAt.ToUnixTimeMilliseconds(), run.RunId.ToString("N")]);
        return (long)result;
    }

    public async Task<RunRegistration?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var json = await Db.StringGetAsync(_keys.Info(runId));
        return json.IsNull ? null : RunStoreJson.Read<RunRegistration>(json.ToString());
    }

    public async Task<IReadOnlyList<RunRegistration>> ListRunsAsync(CancellationToken cancellationToken = default)
    {
        var ids = await Db.SortedSetRangeByRankAsync(_keys.Runs);
        if (ids.Length == 0)
        {
            return [];
        }
        var infos = await Db.StringGetAsync(ids.Select(id => (RedisKey)_keys.Info(Guid.Parse(id.ToString()))).ToArray());
        return infos.Where(json => !json.IsNull).Select(json => RunStoreJson.Read<RunRegistration>(json.ToString())).ToList();
    }

    public async Task<RecordOutcome> RecordAsync(Guid runId, SampleVerdict verdict, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(
            RecordScript,
            [
                _keys.Verdicts(runId), _keys.Samples(runId), _keys.Correct(runId), _keys.Parked(runId), _keys.Skipped(runId),
                _keys.GenerationTotals(runId), _keys.Latencies(runId),
            ],
            [
                RedisRunKeys.SampleField(verdict.ProblemId, verdict.SampleIndex), RunStoreJson.Write(verdict),
                verdict.ProblemId, verdict.Passed ? "1" : "0", verdict.Skipped ? "1" : "0",
                .. RedisGenerationTotals.RecordArguments(verdict),
            ]))!;
        return new RecordOutcome((long)result[0] == 1, (long)result[1]);
    }

    public async Task<IReadOnlyDictionary<string, ProblemCounts>> GetCountsAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var samples = Db.HashGetAllAsync(_keys.Samples(runId));
        var correct = Db.HashGetAllAsync(_keys.Correct(runId));
        var skipped = Db.HashGetAllAsync(_keys.Skipped(runId));
        var passed = (await correct).ToDictionary(e => e.Name.ToString(), e => (int)e.Value);
        var noResult = (await skipped).ToDictionary(e => e.Name.ToString(), e => (int)e.Value);
        return (await samples).ToDictionary(
            e => e.Name.ToString(),
            e => new ProblemCounts((int)e.Value, passed.GetValueOrDefault(e.Name.ToString()), noResult.GetValueOrDefault(e.Name.ToString())));
    }

    public async Task<IReadOnlyList<SampleVerdict>> GetVerdictsAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var values = await Db.HashValuesAsync(_keys.Verdicts(runId));
        return values.Select(v => RunStoreJson.Read<SampleVerdict>(v.ToString())).ToList();
    }

    public Task<GenerationStatistics> GetGenerationStatisticsAsync(Guid runId, CancellationToken cancellationToken = default) =>
        _generation.ReadAsync(runId, cancellationToken);

    public async Task<IReadOnlyList<SampleVerdict>> GetProblemVerdictsAsync(
        Guid runId, string problemId, int samplesPerProblem, CancellationToken cancellationToken = default)
    {
        var fields = Enumerable.Range(0, samplesPerProblem).Select(i => (RedisValue)RedisRunKeys.SampleField(problemId, i)).ToArray();
        var values = await Db.HashGetAsync(_keys.Verdicts(runId), fields);
        return values.Where(v => !v.IsNull).Select(v => RunStoreJson.Read<SampleVerdict>(v.ToString())).ToList();
    }

    public Task<bool> TryCompleteAsync(RunReport report, CancellationToken cancellationToken = default) =>
        Db.StringSetAsync(_keys.Report(report.RunId), RunStoreJson.Write(report), when: When.NotExists);

    public async Task<RunReport?> GetReportAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var json = await Db.StringGetAsync(_keys.Report(runId));
        return json.IsNull ? null : RunStoreJson.Read<RunReport>(json.ToString());
    }

    public Task RecordParkedAsync(Guid runId, ParkedWork parked, CancellationToken cancellationToken = default) =>
        Db.HashSetAsync(_keys.Parked(runId), parked.Field, RunStoreJson.Write(parked));

    public async Task<IReadOnlyList<ParkedWork>> GetParkedAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var values = await Db.HashValuesAsync(_keys.Parked(runId));
        return values.Select(v => RunStoreJson.Read<ParkedWork>(v.ToString())).OrderBy(p => p.ProblemId, StringComparer.Ordinal).ToList();
    }

    public Task RecordFailedStartAsync(FailedStart failed, CancellationToken cancellationToken = default) =>
        Db.StringSetAsync(_keys.FailedStart(failed.RunId), RunStoreJson.Write(failed));

    public async Task<FailedStart?> GetFailedStartAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var json = await Db.StringGetAsync(_keys.FailedStart(runId));
        return json.IsNull ? null : RunStoreJson.Read<FailedStart>(json.ToString());
    }
}
