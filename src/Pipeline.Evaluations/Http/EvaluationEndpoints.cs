using Microsoft.AspNetCore.Routing;

namespace Pipeline.Evaluations.Http;

/// <summary>The API's routes.</summary>
public static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluations(this IEndpointRouteBuilder app)
    {
        StartEvaluationEndpoint.Map(app);
        EvaluationQueryEndpoints.Map(app);
        EvaluationEventsEndpoint.Map(app);
        DashboardApiEndpoints.Map(app);
        DashboardPageEndpoints.Map(app);
        return app;
    }

    public static string Location(Guid runId) => $"/evaluations/{runId}";
}
