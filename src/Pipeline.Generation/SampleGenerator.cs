using Pipeline.Generation.Cache;
using Pipeline.Generation.Extraction;
using Pipeline.Generation.ModelClient;

namespace Pipeline.Generation;

/// <summary>
/// Produces the n samples of one problem: cached answers first, then the model for the rest (one request
/// with the API's n, or one request per sample), then the official code extraction.
/// </summary>
public sealed class SampleGenerator(IModelClient model, IGenerationCache cache, ModelServerOptions options)
{
    public async Task<IReadOnlyList<GeneratedSample>> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var samplingHash = GenerationKey.HashSampling(request.Target.Sampling, request.Target.ModelServer.ExtraBody);
        var promptHash = request.Prompt.Hash;
        var samples = new GeneratedSample?[request.Target.Sampling.N];
        GenerationKey KeyOf(int index) => new(request.Target.Model, promptHash, samplingHash, index);
        // The n lookups (and later the n stores) go out together: one round trip to the cache, not n.
        var indices = Enumerable.Range(request.FirstSampleIndex, samples.Length).ToList();
        var cached = await Task.WhenAll(indices.Select(index => cache.GetAsync(KeyOf(index), cancellationToken)));
        var missing = new List<int>();
        foreach (var (index, answer) in indices.Zip(cached))
        {
            if (answer is null)
            {
                missing.Add(index);
            }
            else
            {
                samples[index - request.FirstSampleIndex] = Sample(request, index, answer) with { FromCache = true };
            }
        }
        var asked = await AskAsync(request, missing, cancellationToken);
        // What the cache kept: another worker racing on the same message may have stored its answer first.
        var kept = await Task.WhenAll(asked.Select(async reply => (reply.Index, Sample: reply.Answer.Cacheable
            ? await cache.PutAsync(KeyOf(reply.Index), reply.Answer.Sample, cancellationToken)
            : reply.Answer.Sample)));
        foreach (var (index, answer) in kept)
        {
            samples[index - request.FirstSampleIndex] = Sample(request, index, answer);
        }
        return samples.Select(sample => sample!).ToList();
    }

    private async Task<IEnumerable<(int Index, Answer Answer)>> AskAsync(GenerationRequest request, List<int> missing, CancellationToken cancellationToken)
    {
        if (missing.Count == 0)
        {
            return [];
        }
        if (options.UseNativeN)
        {
            var reply = await model.CompleteAsync(request.Target.BaseUrl, request.Target.Model, request.Prompt, request.Target.Sampling, missing.Count, request.Target.ModelServer, cancellationToken);
            return missing.Select((index, position) => (index, ToAnswer(reply, position)));
        }
        var replies = await Task.WhenAll(missing.Select(index =>
            model.CompleteAsync(request.Target.BaseUrl, request.Target.Model, request.Prompt, request.Target.Sampling, 1, request.Target.ModelServer, cancellationToken)));
        return missing.Select((index, position) => (index, ToAnswer(replies[position], 0)));
    }

    /// <summary>Usage comes per request; with n answers in one reply the completion tokens are shared out evenly.</summary>
    private static Answer ToAnswer(ModelReply reply, int position)
    {
        var answer = position < reply.Answers.Count
            ? reply.Answers[position]
            : new ModelAnswer("", $"server returned {reply.Answers.Count} choices, fewer than asked");
        var sample = new CachedSample
        {
            Text = answer.Text,
            Issue = answer.Issue,
            Reasoning = answer.Reasoning,
            Truncated = answer.Truncated,
            PromptTokens = reply.PromptTokens,
            CompletionTokens = reply.Answers.Count == 0 ? 0 : reply.CompletionTokens / reply.Answers.Count,
            LatencyMs = reply.LatencyMs,
        };
        return new Answer(sample, reply.Parsed && position < reply.Answers.Count);
    }

    private static GeneratedSample Sample(GenerationRequest request, int index, CachedSample answer) => new()
    {
        SampleIndex = index,
        RawOutput = answer.Text,
        Code = answer.Issue is null ? request.Extract?.Invoke(answer.Text) ?? CodeExtractor.Extract(answer.Text, request.Prompt.Style) : "",
        Issue = answer.Issue,
        Reasoning = answer.Reasoning,
        Truncated = answer.Truncated,
        PromptTokens = answer.PromptTokens,
        CompletionTokens = answer.CompletionTokens,
        LatencyMs = answer.LatencyMs,
    };

    private sealed record Answer(CachedSample Sample, bool Cacheable);
}
