using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.ModelClient;

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

    /// <summary>Why a watcher cannot start runs of <paramref name="scenario"/>, or null: a self-repair names its own code-generation run.</summary>
    public static string? ScenarioProblem(string scenario) =>
        string.Equals(scenario, ScenarioNames.SelfRepair, StringComparison.OrdinalIgnoreCase)
            ? "a watcher cannot start self-repairs: each names its code-generation run (lcb eval --scenario selfrepair --codegen RUN)"
            : null;

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
    /// <summary>The watched runs' extra request fields as JSON text (configuration holds text), e.g. {"reasoning_effort": "high"}.</summary>
    public string? ExtraBody { get; set; }

    protected override IReadOnlyDictionary<string, JsonElement> ExtraBodyFields() => Pipeline.Generation.ModelClient.ExtraBody.Parse(ExtraBody);

    /// <summary>The run options' problems and the watcher's own (base URL, interval, match, a scenario it cannot start), by field.</summary>
    public override Dictionary<string, string[]> Problems()
    {
        var problems = base.Problems();
        void Check(string field, Action parse)
        {
            try
            {
                parse();
            }
            catch (ArgumentException error)
            {
                problems[field] = [error.Message];
            }
        }
        Check("baseUrl", () => OpenAiModelClient.ServerAddress(BaseUrl ?? ""));
        Check("interval", () => IntervalText.Parse(Interval));
        Check("match", () => WatchSettings.Pattern(Match));
        if (!problems.ContainsKey("scenario") && WatchSettings.ScenarioProblem(Scenario) is { } scenario)
        {
            problems["scenario"] = [scenario];
        }
        return problems;
    }

    /// <exception cref="ArgumentException">an option is not usable; the message says which</exception>
    public WatchSettings ToSettings() => new()
    {
        BaseUrl = BaseUrl ?? "",
        Interval = IntervalText.Parse(Interval),
        Match = WatchSettings.Pattern(Match),
        Template = ToTemplate(),
    };
}
