using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Evaluations;

namespace Pipeline.Evaluations.Http;

/// <summary>
/// GET /evaluations/{id}/events: the run's status as server-sent events ("status"), one now and one whenever its state
/// graded or parked count changes, ending with the completed status and its report, or the failed one with its reason. For dashboards and training jobs that follow a run.
/// </summary>
internal static class EvaluationEventsEndpoint
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/evaluations/{id:guid}/events", async (Guid id, EvaluationQueries queries, CancellationToken cancellationToken) =>
            await queries.GetAsync(id, cancellationToken) is { } status
                ? (IResult)TypedResults.ServerSentEvents(FollowAsync(status, queries, cancellationToken), eventType: "status")
                : Results.NotFound(new { error = $"no evaluation {id}" }));

    private static async IAsyncEnumerable<EvaluationStatus> FollowAsync(
        EvaluationStatus status, EvaluationQueries queries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return status;
        while (!status.IsFinal)
        {
            await Task.Delay(PollInterval, cancellationToken);
            var next = await queries.GetAsync(status.RunId, cancellationToken) ?? status;
            if (next.State != status.State || next.SamplesGraded != status.SamplesGraded || next.SamplesParked != status.SamplesParked)
            {
                yield return next;
            }
            status = next;
        }
    }
}
