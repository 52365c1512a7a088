using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Evaluations.Dashboard;
using Pipeline.Runs.Scoring;
using Pipeline.Runs.Views;

namespace Pipeline.Evaluations.Http;

/// <summary>
/// The dashboard's JSON, readable by scripts too (README): a run's scores in a date window, its problems one page at a
/// time, one problem's samples, generation statistics, two runs compared, and a model family's checkpoints.
/// A malformed id is 400, an unknown run 404, a queued run 409, each with one line saying so.
/// </summary>
internal static class DashboardApiEndpoints
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runs/{id}/summary", (string id, string? start, string? end, DashboardQueries queries, CancellationToken ct) =>
            WithRunAsync(queries, id, ct, async found =>
                ParseWindow(start, end, out var window) is { } error
                    ? Results.BadRequest(new { error })
                    : Results.Ok(await queries.SummaryAsync(found, window, ct))));
        app.MapGet("/api/runs/{id}/problems", (string id, [AsParameters] ProblemQueryParameters query, DashboardQueries queries, CancellationToken ct) =>
            WithRunAsync(queries, id, ct, async found =>
                query.ToQuery(out var error) is { } problemQuery
                    ? Results.Ok(await queries.ProblemsAsync(found.Run!, problemQuery, ct))
                    : Results.BadRequest(new { error })));
        app.MapGet("/api/runs/{id}/problems/{problemId}", (string id, string problemId, DashboardQueries queries, CancellationToken ct) =>
            WithRunAsync(queries, id, ct, async found =>
                await queries.ProblemAsync(found.Run!, problemId, ct) is { } detail
                    ? Results.Ok(detail)
                    : Results.NotFound(new { error = $"run {id} has no problem '{problemId}'" })));
        app.MapGet("/api/runs/{id}/generation", (string id, DashboardQueries queries, CancellationToken ct) =>
            WithRunAsync(queries, id, ct, async found => Results.Ok(await queries.GenerationAsync(found.Run!, ct))));
        app.MapGet("/api/compare", (string? a, string? b, DashboardQueries queries, CancellationToken ct) =>
            WithRunAsync(queries, a ?? "", ct, foundA =>
                WithRunAsync(queries, b ?? "", ct, async foundB => Results.Ok(await queries.CompareAsync(foundA.Run!, foundB.Run!, ct)))));
        app.MapGet("/api/checkpoints", async (string? pattern, DashboardQueries queries, CancellationToken ct) =>
        {
            Regex regex;
            try
            {
                regex = new Regex(string.IsNullOrEmpty(pattern) ? ".*" : pattern, RegexOptions.None, PatternTimeout);
            }
            catch (ArgumentException error)
            {
                return Results.BadRequest(new { error = $"pattern is not a regular expression: {error.Message}" });
            }
            return Results.Ok(await queries.CheckpointsAsync(regex, null, ct));
        });
        app.MapGet("/evaluations/{id}/report.html", async (string id, DashboardQueries queries, ReportBuilder reports, CancellationToken ct) =>
            await WithRunAsync(queries, id, ct, async found =>
                Results.Content(await reports.BuildAsync([found.Run!.RunId.ToString()], ct), "text/html; charset=utf-8")));
    }

    private static async Task<IResult> WithRunAsync(DashboardQueries queries, string id, CancellationToken ct, Func<RunLookup, Task<IResult>> view)
    {
        var found = await queries.FindAsync(id, ct);
        return found.Run is null ? Results.Json(new { error = found.Problem }, statusCode: found.StatusCode) : await view(found);
    }

    private static string? ParseWindow(string? start, string? end, out DateWindow window)
    {
        window = DateWindow.All;
        DateOnly? first = null, last = null;
        foreach (var (name, text) in new[] { ("start", start), ("end", end) })
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return $"{name} '{text}' is not a date (yyyy-mm-dd)";
            }
            if (name == "start") { first = day; } else { last = day; }
        }
        window = new DateWindow(first, last);
        return null;
    }
}
