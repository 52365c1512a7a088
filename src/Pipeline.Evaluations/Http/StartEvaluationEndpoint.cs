using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Evaluations;
using Pipeline.Evaluations.Checks;
using Pipeline.Evaluations.SelfRepair;
using Pipeline.Runs;

namespace Pipeline.Evaluations.Http;

/// <summary>
/// POST /evaluations: validates, records and publishes StartEvaluation; 202 with the run's Location. A model already
/// evaluated at that server gets 409 with the run that has it, unless "force" asks for a new run. A self-repair names
/// its code-generation run in "codegen" (a finished run's id or an _eval_all file); its samples are stored first.
/// </summary>
internal static class StartEvaluationEndpoint
{
    public const string Source = "api";

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/evaluations", StartAsync);

    private static async Task<IResult> StartAsync(
        HttpRequest http, EvaluationLauncher launcher, SelfRepairStart selfRepair, StartChecks checks, ConfiguredApiKey apiKey, StartCheckOptions options,
        CancellationToken cancellationToken)
    {
        EvaluationRequest? request;
        try
        {
            // Read here, not bound by the framework: its binding failure is a 400 with an empty body.
            request = await http.ReadFromJsonAsync<EvaluationRequest>(cancellationToken);
        }
        catch (JsonException error)
        {
            var field = error.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            var reason = error.Message.Split(" Path:")[0].Split(" LineNumber:")[0];
            return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"'{field}' could not be read: {reason}"] });
        }
        catch (InvalidOperationException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["send the request as JSON (Content-Type: application/json)"] });
        }
        if (request is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["send a JSON object with at least model and baseUrl"] });
        }
        var problems = request.Problems();
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems);
        }
        var start = request.ToTemplate().For(request.Model, request.BaseUrl);
        if (request.Codegen is { } codegen)
        {
            try
            {
                start = await selfRepair.AttachAsync(start, codegen, cancellationToken);
            }
            catch (Exception error) when (error is InvalidDataException or RunNotFoundException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["codegen"] = [error.Message] });
            }
        }
        var checkedStart = await checks.CheckAsync(start, checkModel: !request.SkipModelCheck, start.ModelServer.ApiKey ?? apiKey.Value, cancellationToken);
        if (checkedStart.Refused)
        {
            return Results.ValidationProblem(checkedStart.Errors, detail: "nothing was started");
        }
        LaunchResult result;
        try
        {
            result = await launcher.LaunchAsync(start, Source, claim: !request.Force, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return Results.Problem(
                $"the run could not be started: {error.Message}", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Pipeline unavailable");
        }
        var location = EvaluationEndpoints.Location(result.RunId);
        return result.Started
            ? Results.Accepted(location, new { runId = result.RunId, location, problems = checkedStart.Problems, warning = Unchecked(checkedStart, options) })
            : Results.Conflict(new
            {
                error = $"model '{request.Model}' at {request.BaseUrl} is already evaluated by run {result.RunId}; send \"force\": true for another run",
                runId = result.RunId,
                location,
            });
    }

    private static string? Unchecked(StartCheckResult checkedStart, StartCheckOptions options) => checkedStart.Problems is null
        ? $"Ingest did not answer within {options.IngestTimeoutSeconds:0.#} s, so the selection was not checked: Ingest checks it when the run starts (a bad one shows as failed)"
        : null;
}
