using Pipeline.Generation.ModelClient;

namespace Pipeline.Evaluations.Checks;

/// <summary>Whether a model server answers and lists a model (one GET /v1/models, no retries).</summary>
public interface IModelServerCheck
{
    /// <returns>null when it does; otherwise what is wrong, in one line.</returns>
    Task<ModelServerProblem?> CheckAsync(string baseUrl, string model, string? apiKey, CancellationToken cancellationToken);
}

public sealed class HttpModelServerCheck : IModelServerCheck
{
    public Task<ModelServerProblem?> CheckAsync(string baseUrl, string model, string? apiKey, CancellationToken cancellationToken) =>
        ModelServerCheck.CheckAsync(baseUrl, model, apiKey, ModelServerCheck.DefaultTimeout, cancellationToken);
}
