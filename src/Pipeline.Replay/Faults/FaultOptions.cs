using System.Text.RegularExpressions;

namespace Pipeline.Replay.Faults;

/// <summary>
/// Faults injected into completion requests, each at a rate in [0, 1] (their sum at most 1). Latency applies
/// to every completion request.
/// </summary>
public sealed record FaultOptions
{
    public int LatencyMs { get; init; }
    public double TooManyRequestsRate { get; init; }
    public int RetryAfterSeconds { get; init; } = 1;
    public double ServerErrorRate { get; init; }
    public double DropConnectionRate { get; init; }
    public double MalformedJsonRate { get; init; }
    /// <summary>
    /// A regular expression over question ids: matching problems get 500 on every request until the faults are
    /// set again without it (a server broken for some inputs until fixed). Unset: no problem fails this way.
    /// </summary>
    public string? FailingProblems { get; init; }
    /// <summary>Seed for the fault draws; unset draws differently every run.</summary>
    public int? Seed { get; init; }

    public FaultOptions Validated()
    {
        double[] rates = [TooManyRequestsRate, ServerErrorRate, DropConnectionRate, MalformedJsonRate];
        if (rates.Any(rate => rate is < 0 or > 1) || rates.Sum() > 1 + 1e-9)
        {
            throw new ArgumentException("fault rates must each be in [0, 1] and sum to at most 1");
        }
        if (LatencyMs < 0 || RetryAfterSeconds < 0)
        {
            throw new ArgumentException("latency and Retry-After must not be negative");
        }
        if (FailingProblems is not null)
        {
            try
            {
                _ = new Regex(FailingProblems, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException error)
            {
                throw new ArgumentException($"FailingProblems is not a regular expression: {error.Message}", error);
            }
        }
        return this;
    }

    public bool Fails(string questionId) =>
        FailingProblems is not null && Regex.IsMatch(questionId, FailingProblems, RegexOptions.None, TimeSpan.FromSeconds(1));
}
