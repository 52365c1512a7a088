using Pipeline.Contracts;
using Pipeline.Generation.ModelClient;

namespace Pipeline.Evaluations.Checks;

/// <summary>What the checks before a start found: bad fields (request field → reasons), and whether Ingest answered.</summary>
public sealed record StartCheckResult
{
    public required IReadOnlyDictionary<string, string[]> Errors { get; init; }
    /// <summary>Problems the selection covers, as Ingest counted them; null when Ingest did not answer.</summary>
    public int? Problems { get; init; }
    /// <summary>The model server did not answer at all (a bad model or selection is bad input; an absent server is not).</summary>
    public bool ModelServerUnreachable { get; init; }

    public bool Refused => Errors.Count > 0;
}

/// <summary>
/// The checks made before a run is started (POST /evaluations, lcb eval, lcb watch): the model server answers and lists
/// the model, and Ingest finds the selection valid and non-empty on the dataset it reads. The two are asked at once.
/// </summary>
public sealed class StartChecks(IModelServerCheck modelServer, ISelectionChecker selections)
{
    /// <param name="apiKey">the key the server wants, if any (the run's own, else the configured one)</param>
    public async Task<StartCheckResult> CheckAsync(StartEvaluation start, bool checkModel, string? apiKey, CancellationToken cancellationToken)
    {
        var model = checkModel ? modelServer.CheckAsync(start.BaseUrl, start.Model, apiKey, cancellationToken) : Task.FromResult<ModelServerProblem?>(null);
        var selection = await selections.CheckAsync(new CheckSelection { Selection = start.Selection, Scenario = start.Scenario, Cot = start.Cot }, cancellationToken);
        var modelProblem = await model;
        var errors = (selection?.Errors ?? new Dictionary<string, string>()).ToDictionary(e => e.Key, e => new[] { e.Value });
        if (modelProblem is not null)
        {
            errors[modelProblem.Reachable ? "model" : "baseUrl"] = [modelProblem.Message];
        }
        return new StartCheckResult { Errors = errors, Problems = selection?.Problems, ModelServerUnreachable = modelProblem is { Reachable: false } };
    }
}
