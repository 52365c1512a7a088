using Pipeline.Generation.ModelClient;

namespace Pipeline.Evaluations;

/// <summary>The body of POST /evaluations: which model, where it is served, and the run options.</summary>
public sealed class EvaluationRequest : RunOptions
{
    public string Model { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    /// <summary>Start a run even if this model at this server was evaluated already (a deliberate re-run).</summary>
    public bool Force { get; set; }
    /// <summary>Do not ask the server's /v1/models first (when baseUrl is only reachable from the Generator).</summary>
    public bool SkipModelCheck { get; set; }

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
        return problems;
    }
}
