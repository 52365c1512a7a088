using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Core;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.ModelClient;
using Pipeline.Generation.Prompts;

namespace Pipeline.Evaluations;

/// <summary>
/// Everything about an evaluation except which model: dataset selection, sampling, grading and the run's own model-server
/// options (key, request timeout, extra body), with the defaults of
/// <c>lcb eval</c> (the official runner's). Bound from JSON (POST /evaluations) and from configuration (section Watch).
/// </summary>
public class RunOptions
{
    public string Release { get; set; } = "release_latest";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string[] Platforms { get; set; } = [];
    public string[] Difficulties { get; set; } = [];
    public int? Limit { get; set; }
    /// <summary>The official scenario name (codegeneration, selfrepair, testoutputprediction, codeexecution).</summary>
    public string Scenario { get; set; } = ScenarioNames.Default;
    /// <summary>Code execution with the chain-of-thought prompt.</summary>
    public bool Cot { get; set; }
    public string PromptStyle { get; set; } = RunDefaults.PromptStyle;
    public int N { get; set; } = RunDefaults.Sampling.N;
    public double Temperature { get; set; } = RunDefaults.Sampling.Temperature;
    public double TopP { get; set; } = RunDefaults.Sampling.TopP;
    public int MaxTokens { get; set; } = RunDefaults.Sampling.MaxTokens;
    public string[] Stop { get; set; } = [];
    public int? Seed { get; set; }
    /// <summary>Seconds per test case, as the official runner's timeout.</summary>
    public double Timeout { get; set; } = RunDefaults.TimeoutSeconds;
    /// <summary>pass@k values; null means 1, 5 and 10 (a default list would be appended to by configuration binding).</summary>
    public int[]? K { get; set; }
    /// <summary>This run's bearer token for the model server (else the Generator's own); never recorded nor shown.</summary>
    public string? ApiKey { get; set; }
    /// <summary>Seconds one model request may take (default: the Generator's 300); long reasoning needs more.</summary>
    public double? RequestTimeout { get; set; }

    /// <summary>Extra fields for every completion request's body, e.g. {"reasoning_effort": "high"}, as the options carry them.</summary>
    /// <exception cref="ArgumentException">not a usable JSON object</exception>
    protected virtual IReadOnlyDictionary<string, JsonElement> ExtraBodyFields() => new Dictionary<string, JsonElement>();

    /// <summary>The run's model-server settings (call once <see cref="Problems"/> is empty).</summary>
    public ModelServerSettings ModelServer() => new()
    {
        ApiKey = string.IsNullOrEmpty(ApiKey) ? null : ApiKey,
        RequestTimeoutSeconds = RequestTimeout,
        ExtraBody = ExtraBodyFields(),
    };

    /// <summary>What is wrong with these options, by field; empty when they are usable.</summary>
    public virtual Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                problems[field] = [message];
            }
        }
        Check(!string.IsNullOrWhiteSpace(Release), "release", "give a release, e.g. release_v6");
        Check(StartDate is null || EndDate is null || StartDate <= EndDate, "endDate", "endDate is before startDate");
        Check(Limit is null or >= 1, "limit", "limit must be at least 1");
        var styleProblem = PromptStyleProblem(PromptStyle);
        Check(styleProblem is null, "promptStyle", styleProblem ?? "");
        var scenarioProblem = ScenarioProblem(styleProblem is null);
        Check(scenarioProblem is null, "scenario", scenarioProblem ?? "");
        Check(N >= 1, "n", "n must be at least 1");
        Check(Temperature >= 0, "temperature", "temperature must not be negative");
        Check(TopP is > 0 and <= 1, "topP", "topP must be in (0, 1]");
        Check(MaxTokens >= 1, "maxTokens", "maxTokens must be at least 1");
        Check(Timeout > 0, "timeout", "timeout must be a positive number of seconds");
        Check(K is null || (K.Length > 0 && K.All(k => k >= 1)), "k", "k must list positive whole numbers");
        Check(RequestTimeout is null or > 0, "requestTimeout", "requestTimeout must be a positive number of seconds");
        try
        {
            ExtraBody.Check(ExtraBodyFields());
        }
        catch (ArgumentException error)
        {
            problems["extraBody"] = [error.Message];
        }
        return problems;
    }

    /// <exception cref="ArgumentException">the options are not usable; the message names every problem</exception>
    public EvaluationTemplate ToTemplate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems.Select(p => $"{p.Key}: {string.Join(", ", p.Value)}")));
        }
        return new EvaluationTemplate
        {
            Selection = new DatasetSelection
            {
                Release = Release, StartDate = StartDate, EndDate = EndDate, Platforms = Platforms, Difficulties = Difficulties, Limit = Limit,
            },
            Scenario = ScenarioNames.Parse(Scenario).Name(),
            Cot = Cot,
            PromptStyle = PromptStyles.Parse(PromptStyle).Name(),
            Sampling = new SamplingSettings { N = N, Temperature = Temperature, TopP = TopP, MaxTokens = MaxTokens, Stop = Stop, Seed = Seed },
            TimeoutSeconds = Timeout,
            Ks = K is null ? EvaluationTemplate.DefaultKs : [.. K.Distinct().Order()],
            ModelServer = ModelServer(),
        };
    }

    /// <param name="styleKnown">false when the style is unknown: that is named under promptStyle, not here</param>
    private string? ScenarioProblem(bool styleKnown)
    {
        try
        {
            var scenario = ScenarioNames.Validate(Scenario, Cot);
            if (styleKnown)
            {
                ScenarioStyles.Check(scenario, PromptStyles.Parse(PromptStyle));
            }
            return null;
        }
        catch (ArgumentException error)
        {
            return error.Message;
        }
    }

    /// <summary>Why the style cannot be used (the message names the styles that can), or null.</summary>
    private static string? PromptStyleProblem(string style)
    {
        try
        {
            PromptStyles.Parse(style ?? "");
            return null;
        }
        catch (ArgumentException error)
        {
            return error.Message;
        }
    }
}
