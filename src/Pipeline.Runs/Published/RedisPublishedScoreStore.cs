using System.Text.Json;
using Pipeline.Core.Stores;
using StackExchange.Redis;

namespace Pipeline.Runs.Published;

/// <summary>One hash of published scores, a field per model and scenario holding the score as JSON.</summary>
public sealed class RedisPublishedScoreStore(IConnectionMultiplexer redis, RedisKeys keys) : IPublishedScoreStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SetAsync(PublishedScore score, CancellationToken cancellationToken = default) =>
        redis.GetDatabase().HashSetAsync(keys.PublishedScores, Field(score.Model, score.Scenario), JsonSerializer.Serialize(score, Json));

    public async Task<PublishedScore?> GetAsync(string model, string scenario, CancellationToken cancellationToken = default)
    {
        var value = await redis.GetDatabase().HashGetAsync(keys.PublishedScores, Field(model, scenario));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<PublishedScore>(value.ToString(), Json);
    }

    // A newline cannot be in a model name given on a command line or in a scenario name.
    private static string Field(string model, string scenario) => $"{model}\n{scenario}";
}
