using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Runs.Views;

namespace Pipeline.TestSupport;

/// <summary>Verdicts carrying varied generation figures, and generation statistics in a form two of them compare in.</summary>
public static class GenerationSamples
{
    /// <summary>The verdict with tokens, latency (fractional), grading time, reuse and issues that differ with <paramref name="i"/>.</summary>
    public static SolutionGraded Varied(SolutionGraded graded, int i) => graded with
    {
        PromptTokens = 300 + 7 * i,
        CompletionTokens = i * 37 % 500,
        LatencyMs = 100 + i * 53 % 97 + 0.25 * (i % 4),
        GradingMs = 10.5 + i % 13,
        Reused = i % 5 == 0,
        GenerationIssue = (i % 11) switch { 3 => "empty", 7 => "truncated", _ => null },
        Code = i % 11 == 3 ? "" : graded.Code,
    };

    /// <summary>
    /// The statistics as JSON with means rounded to 9 places (sums kept in Redis add in another order and precision than
    /// a mean over the samples) and issues in key order.
    /// </summary>
    public static string Comparable(GenerationStatistics statistics) => JsonSerializer.Serialize(statistics with
    {
        MeanPromptTokens = Math.Round(statistics.MeanPromptTokens, 9),
        MeanCompletionTokens = Math.Round(statistics.MeanCompletionTokens, 9),
        MeanLatencyMs = Math.Round(statistics.MeanLatencyMs, 9),
        MeanGradingMs = Math.Round(statistics.MeanGradingMs, 9),
        Issues = new SortedDictionary<string, int>(statistics.Issues.ToDictionary(), StringComparer.Ordinal),
    });
}
