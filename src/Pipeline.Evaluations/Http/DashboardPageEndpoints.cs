using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Evaluations.Dashboard;

namespace Pipeline.Evaluations.Http;

/// <summary>The dashboard itself: GET / and its scripts and styles, from the assets embedded at build time.</summary>
internal static class DashboardPageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/assets/{name}", (string name) =>
            DashboardAssets.ContentTypes.ContainsKey(name) ? Asset(name) : Results.NotFound(new { error = $"no asset {name}" }));
    }

    private static IResult Asset(string name) => Results.Text(DashboardAssets.Read(name), DashboardAssets.ContentTypes[name]);
}
