using System.Text.RegularExpressions;
using Pipeline.Evaluations;

namespace Pipeline.Evaluations.Watching;

/// <summary>What the checkpoint watcher watches and how it evaluates each new model.</summary>
public sealed record WatchSettings
{
    public required string BaseUrl { get; init; }
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Only model ids this matches are evaluated; null: every id.</summary>
    public Regex? Match { get; init; }
    public required EvaluationTemplate Template { get; init; }

    public bool Wants(string modelId) => Match?.IsMatch(modelId) ?? true;

    /// <exception cref="ArgumentException">the pattern is not a valid regular expression</exception>
    public static Regex? Pattern(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"match: '{pattern}' is not a regular expression: {error.Message}", error);
        }
    }
}

/// <summary>Configuration section "Watch": the watcher runs in the API host when BaseUrl is set; the run options are flat beside it.</summary>
public sealed class WatchOptions : RunOptions
{
    public const string Section = "Watch";

    public string? BaseUrl { get; set; }
    public string Interval { get; set; } = "30s";
    public string? Match { get; set; }

    /// <exception cref="ArgumentException">an option is not usable; the message says which</exception>
    public WatchSettings ToSettings(string baseUrl) => new()
    {
        BaseUrl = baseUrl,
        Interval = IntervalText.Parse(Interval),
        Match = WatchSettings.Pattern(Match),
        Template = ToTemplate(),
    };
}
