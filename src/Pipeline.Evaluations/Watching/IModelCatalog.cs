using Pipeline.Generation.ModelClient;

namespace Pipeline.Evaluations.Watching;

/// <summary>The model ids a server serves right now (GET /v1/models).</summary>
public interface IModelCatalog
{
    Task<IReadOnlyList<string>> ListAsync(string baseUrl, CancellationToken cancellationToken);
}

/// <summary>The Generator's model client (Refit, with its retries and timeouts) as the catalog.</summary>
public sealed class ModelServerCatalog(IModelClient client) : IModelCatalog
{
    public Task<IReadOnlyList<string>> ListAsync(string baseUrl, CancellationToken cancellationToken) =>
        client.ListModelsAsync(baseUrl, cancellationToken);
}
