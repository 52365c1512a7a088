using Pipeline.Core.Stores;
using Pipeline.Generation.Cache;
using Pipeline.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Generator;

/// <summary>The Generator's answer cache in real Redis: the first answer stored is the one every worker gets back.</summary>
public sealed class RedisGenerationCacheTests
{
    [Fact]
    public async Task Racing_stores_both_get_back_the_answer_kept_and_a_later_lookup_reads_it()
    {
        var prefix = $"test:{Guid.NewGuid():N}:";
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
        try
        {
            var key = new GenerationKey("model", "prompt-hash", "sampling-hash", 3);
            var ours = new CachedSample { Text = "print(1)", PromptTokens = 5, CompletionTokens = 7, LatencyMs = 12.5 };
            var theirs = ours with { Text = "print(2)", Reasoning = "other", Truncated = true };
            var first = new RedisGenerationCache(redis, new RedisKeys(prefix));
            var second = new RedisGenerationCache(redis, new RedisKeys(prefix));

            var kept = await Task.WhenAll(first.PutAsync(key, ours), second.PutAsync(key, theirs));
            var stored = await first.GetAsync(key);

            Assert.Equal(kept[0], kept[1]);
            Assert.Equal(kept[0], stored);
            Assert.Contains(stored, new[] { ours, theirs });
            Assert.Equal(stored, await second.PutAsync(key, ours with { Text = "print(3)" }));
        }
        finally
        {
            await TestKeys.DeleteAsync(redis, prefix);
        }
    }
}
