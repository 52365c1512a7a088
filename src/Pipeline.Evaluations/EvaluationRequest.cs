using Pipeline.Core.Scenarios;
using System.Text.Json;
using Pipeline.Generation.ModelClient;

namespace Pipeline.Evaluations;

/// <summary>The body of POST /evaluations: which model, where it is served, and the run options.</summary>
public sealed class EvaluationRequest : RunOptions
{
    public string Model { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    /// <summary>Start a run even if this model at this server was evaluated already (a deliberate re-run).</summary>
    public bool Force { get; set; }
    /// <summary>Self-repair: the code-generation run to repair, a finished run's id or an official _eval_all file the API host can read.</summary>
    public string? Codegen { get; set; }
    /// <summary>Do not ask the server's /v1/models first (when baseUrl is only reachable from the Generator).</summary>
    public bool SkipModelCheck { get; set; }
    /// <summary>Extra fields for every completion request's body, e.g. {"reasoning_effort": "high"}.</summary>
    public Dictionary<string, JsonElement>? ExtraBody { get; set; }

    protected override IReadOnlyDictionary<string, JsonElement> ExtraBodyFields() => ExtraBody ?? new Dictionary<string, JsonElement>();

    public override Dictionary<string, string[]> Problems()
    {
        var problems = base.Problems();
        if (string.IsNullOrWhiteSpace(Model))
        {
            problems["model"] = ["give the model name the server knows"];
        }
        try
        {
            OpenAiModelClient.ServerAddress(BaseUrl ?? "");
        }
        catch (ArgumentException)
        {
            problems["baseUrl"] = ["baseUrl must be the server's http(s) URL, e.g. http://127.0.0.1:8000/v1"];
        }
        var repairing = string.Equals(Scenario, ScenarioNames.SelfRepair, StringComparison.OrdinalIgnoreCase);
        if (repairing != !string.IsNullOrWhiteSpace(Codegen))
        {
            problems["codegen"] = [repairing
                ? "selfrepair needs codegen: a finished codegeneration run's id or an official _eval_all file"
                : "codegen is for scenario selfrepair only"];
        }
        return problems;
    }
}
