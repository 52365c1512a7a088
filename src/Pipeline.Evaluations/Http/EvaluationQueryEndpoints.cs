using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Evaluations;

namespace Pipeline.Evaluations.Http;

/// <summary>GET /evaluations (newest first) and GET /evaluations/{id} (progress while running, the report once completed).</summary>
internal static class EvaluationQueryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/evaluations", async (EvaluationQueries queries, CancellationToken cancellationToken) =>
            Results.Ok(await queries.ListAsync(cancellationToken)));
        app.MapGet("/evaluations/{id:guid}", async (Guid id, EvaluationQueries queries, CancellationToken cancellationToken) =>
            await queries.GetAsync(id, cancellationToken) is { } status
                ? Results.Ok(status)
                : Results.NotFound(new { error = $"no evaluation {id}" }));
    }
}
