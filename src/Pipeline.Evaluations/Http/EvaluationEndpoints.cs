using Microsoft.AspNetCore.Routing;

namespace Pipeline.Evaluations.Http;

/// <summary>The API's routes.</summary>
public static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluations(this IEndpointRouteBuilder app)
    {
        StartEvaluationEndpoint.Map(app);
        app.MapDashboardReads();
        return app;
    }

    public static string Location(Guid runId) => $"/evaluations/{runId}";
}
