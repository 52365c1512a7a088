using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Stores;
using Pipeline.Evaluations.Dashboard;
using Pipeline.Runs;

namespace Pipeline.Evaluations.Http;

/// <summary>
/// The dashboard and its read endpoints over stores someone else owns (`lcb demo --serve` shows its in-process run):
/// the same pages and JSON as the API host, without starting evaluations.
/// </summary>
public static class DashboardHost
{
    public static WebApplication Build(string url, IRunStore runs, IEvaluationLedger ledger, IProblemStore problems)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        // As the API host's settings: a line per request on the console would bury what the demo prints (and slow every request).
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSingleton(runs).AddSingleton(ledger).AddSingleton(problems).AddDashboard();
        var app = builder.Build();
        app.MapDashboardReads();
        return app;
    }

    /// <summary>Every GET the dashboard uses: runs, run status and its events, the dashboard's JSON and pages.</summary>
    public static IEndpointRouteBuilder MapDashboardReads(this IEndpointRouteBuilder app)
    {
        EvaluationQueryEndpoints.Map(app);
        EvaluationEventsEndpoint.Map(app);
        DashboardApiEndpoints.Map(app);
        DashboardPageEndpoints.Map(app);
        return app;
    }
}
