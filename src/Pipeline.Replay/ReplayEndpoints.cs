using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Replay.Faults;
using Pipeline.Replay.Recordings;

namespace Pipeline.Replay;

/// <summary>The OpenAI-compatible endpoints, answering from recordings, and the admin endpoints that change the server while it runs.</summary>
internal static class ReplayEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ReplayModels models, FaultInjector faults)
    {
        app.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = models.Names.Select(name => new { id = name, @object = "model", owned_by = "replay" }),
        }));
        app.MapPost("/v1/chat/completions", (HttpContext http, CompletionCall call) => CompleteAsync(http, call, chat: true, models, faults));
        app.MapPost("/v1/completions", (HttpContext http, CompletionCall call) => CompleteAsync(http, call, chat: false, models, faults));
        app.MapPost("/admin/models", (AddModelCall call) =>
        {
            try
            {
                var model = models.Add(call.Name, call.Recordings);
                return Results.Json(new { name = model.Name, problems = model.ProblemCount });
            }
            catch (Exception error) when (error is ArgumentException or IOException or InvalidDataException)
            {
                return Results.BadRequest(CompletionResponses.Error(error.Message, "invalid_request_error"));
            }
        });
        app.MapGet("/admin/faults", () => Results.Json(faults.Current));
        app.MapPost("/admin/faults", (FaultOptions options) =>
        {
            try
            {
                faults.Set(options);
                return Results.Json(faults.Current);
            }
            catch (ArgumentException error)
            {
                return Results.BadRequest(CompletionResponses.Error(error.Message, "invalid_request_error"));
            }
        });
    }

    private static async Task<IResult> CompleteAsync(HttpContext http, CompletionCall call, bool chat, ReplayModels models, FaultInjector faults)
    {
        var latency = faults.Current.LatencyMs;
        if (latency > 0)
        {
            await Task.Delay(latency, http.RequestAborted);
        }
        switch (faults.Draw())
        {
            case Fault.TooManyRequests:
                http.Response.Headers.RetryAfter = faults.Current.RetryAfterSeconds.ToString();
                return Results.Json(CompletionResponses.Error("injected rate limit", "rate_limit_exceeded"), statusCode: 429);
            case Fault.ServerError:
                return Results.Json(CompletionResponses.Error("injected server error", "server_error"), statusCode: 500);
            case Fault.DropConnection:
                http.Abort();
                return Results.Empty;
            case Fault.MalformedJson:
                return Results.Text("{\"choices\": [{\"index\": 0, \"message\": {\"content\": ", "application/json");
        }
        var model = models.Find(call.Model);
        if (model is null)
        {
            return Results.NotFound(CompletionResponses.Error($"model '{call.Model}' is not served here", "model_not_found"));
        }
        var prompt = call.PromptText;
        var problem = model.Recognise(prompt);
        if (problem is null)
        {
            return Results.BadRequest(CompletionResponses.Error($"no recording of model '{call.Model}' matches the prompt", "invalid_request_error"));
        }
        if (faults.Current.Fails(problem.QuestionId))
        {
            return Results.Json(CompletionResponses.Error($"injected server error for {problem.QuestionId}", "server_error"), statusCode: 500);
        }
        var outputs = model.NextOutputs(problem, Math.Max(1, call.N ?? 1));
        return Results.Json(chat ? CompletionResponses.Chat(model.Name, prompt, outputs) : CompletionResponses.Completion(model.Name, prompt, outputs));
    }
}
