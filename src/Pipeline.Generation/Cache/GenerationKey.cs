using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Contracts;

namespace Pipeline.Generation.Cache;

/// <summary>
/// Identifies one sample: the same model, prompt and sampling parameters at the same sample index is the
/// same sample. N is left out on purpose: asking for 10 samples after 5 reuses the first 5.
/// </summary>
public sealed record GenerationKey(string Model, string PromptHash, string SamplingHash, int SampleIndex)
{
    public static string HashSampling(SamplingSettings sampling)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            temperature = sampling.Temperature,
            top_p = sampling.TopP,
            max_tokens = sampling.MaxTokens,
            stop = sampling.Stop,
            seed = sampling.Seed,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>A fixed-length id of everything but the sample index.</summary>
    public string RequestDigest =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Model}\n{PromptHash}\n{SamplingHash}")));
}
