using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Contracts;

namespace Pipeline.Generation.Cache;

/// <summary>
/// Identifies one sample: the same model, prompt and sampling parameters at the same sample index is the
/// same sample. N is left out on purpose: asking for 10 samples after 5 reuses the first 5. Extra request fields
/// (reasoning effort, chat template switches) change the answers, so they are part of the sampling; with none the hash
/// is what it was before they existed, so earlier cached answers stay valid.
/// </summary>
public sealed record GenerationKey(string Model, string PromptHash, string SamplingHash, int SampleIndex)
{
    public static string HashSampling(SamplingSettings sampling, IReadOnlyDictionary<string, JsonElement>? extraBody = null)
    {
        var fields = new
        {
            temperature = sampling.Temperature,
            top_p = sampling.TopP,
            max_tokens = sampling.MaxTokens,
            stop = sampling.Stop,
            seed = sampling.Seed,
        };
        var canonical = extraBody is not { Count: > 0 }
            ? JsonSerializer.Serialize(fields)
            : JsonSerializer.Serialize(new { fields, extra = new SortedDictionary<string, JsonElement>(extraBody.ToDictionary(), StringComparer.Ordinal) });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>A fixed-length id of everything but the sample index.</summary>
    public string RequestDigest =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Model}\n{PromptHash}\n{SamplingHash}")));
}
