using System.Text.Json;
using Pipeline.Core.Stores;
using StackExchange.Redis;

namespace Pipeline.Evaluations;

/// <summary>
/// The ledger in Redis, under the stores' key prefix: a hash of claims (HSETNX: the first run wins), one key per
/// evaluation and an index by request time. Claim and record are one Lua script, so they change together.
/// </summary>
public sealed class RedisEvaluationLedger(IConnectionMultiplexer redis, RedisKeys keys) : IEvaluationLedger
{
    private const string RecordScript = """
        if ARGV[1] ~= '' and redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
          return redis.call('HGET', KEYS[1], ARGV[1])
        end
        redis.call('SET', KEYS[2], ARGV[3])
        redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2])
        return ''
        """;

    private const string ForgetScript = """
        if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
          redis.call('HDEL', KEYS[1], ARGV[1])
        end
        redis.call('DEL', KEYS[2])
        redis.call('ZREM', KEYS[3], ARGV[2])
        return ''
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // One hash tag for every key, so the scripts touch one slot also on a Redis cluster.
    private readonly string _claims = keys.EvaluationClaims;
    private readonly string _index = keys.EvaluationIndex;

    private IDatabase Db => redis.GetDatabase();

    public async Task<Guid?> TryRecordAsync(RequestedEvaluation evaluation, string? claim, CancellationToken cancellationToken = default)
    {
        var holder = (string?)await Db.ScriptEvaluateAsync(
            RecordScript,
            [_claims, keys.Evaluation(evaluation.RunId), _index],
            [claim ?? "", evaluation.RunId.ToString("N"), JsonSerializer.Serialize(evaluation, Json), evaluation.RequestedAt.ToUnixTimeMilliseconds()]);
        return string.IsNullOrEmpty(holder) ? null : Guid.Parse(holder);
    }

    public Task ForgetAsync(RequestedEvaluation evaluation, string? claim, CancellationToken cancellationToken = default) =>
        Db.ScriptEvaluateAsync(ForgetScript, [_claims, keys.Evaluation(evaluation.RunId), _index], [claim ?? "", evaluation.RunId.ToString("N")]);

    public async Task<RequestedEvaluation?> GetAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var json = await Db.StringGetAsync(keys.Evaluation(runId));
        return json.IsNull ? null : Read(json.ToString());
    }

    public async Task<IReadOnlyList<RequestedEvaluation>> ListAsync(CancellationToken cancellationToken = default)
    {
        var ids = await Db.SortedSetRangeByRankAsync(_index, order: Order.Descending);
        if (ids.Length == 0)
        {
            return [];
        }
        var values = await Db.StringGetAsync(ids.Select(id => (RedisKey)keys.Evaluation(Guid.Parse(id.ToString()))).ToArray());
        return values.Where(json => !json.IsNull).Select(json => Read(json.ToString())).ToList();
    }

    private static RequestedEvaluation Read(string json) =>
        JsonSerializer.Deserialize<RequestedEvaluation>(json, Json) ?? throw new InvalidDataException("stored evaluation is null");
}
