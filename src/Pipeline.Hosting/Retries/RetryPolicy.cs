using System.Text.Json;
using MassTransit;
using Pipeline.Core.Stores;

namespace Pipeline.Hosting.Retries;

/// <summary>
/// The one retry policy of every consumer: retry whatever may pass on its own (Redis or broker down, timeouts,
/// a model server erroring), but park at once what can never succeed however often it is tried.
/// </summary>
public static class RetryPolicy
{
    /// <summary>Faults of the message itself (bad content, a problem or run that does not exist): no retry helps.</summary>
    public static readonly IReadOnlyList<Type> Permanent =
    [
        typeof(InvalidDataException),
        typeof(JsonException),
        typeof(FormatException),
        typeof(ArgumentException),
        typeof(ProblemNotFoundException),
    ];

    /// <param name="permanent">the consumer's own never-succeeding faults, parked without retries as <see cref="Permanent"/>.</param>
    public static void UsePipelineRetry(this IReceiveEndpointConfigurator endpoint, RetryProfile profile, params Type[] permanent)
    {
        var intervals = profile.Intervals();
        endpoint.UseMessageRetry(retry =>
        {
            retry.Ignore([.. Permanent, .. permanent]);
            if (intervals.Count == 0)
            {
                retry.None();
            }
            else
            {
                retry.Intervals([.. intervals]);
            }
        });
    }
}
