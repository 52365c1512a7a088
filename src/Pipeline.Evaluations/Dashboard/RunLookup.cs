using Pipeline.Runs;

namespace Pipeline.Evaluations.Dashboard;

/// <summary>What a run id given by a person turned out to be: a registered run, a run still queued, unknown, or not an id.</summary>
public sealed record RunLookup
{
    public RunRegistration? Run { get; private init; }
    public bool Completed { get; private init; }
    /// <summary>Why there is no run to show, in one line; null when <see cref="Run"/> is set.</summary>
    public string? Problem { get; private init; }
    public int StatusCode { get; private init; } = 200;

    public static RunLookup Of(RunRegistration run, bool completed) => new() { Run = run, Completed = completed };

    public static RunLookup Malformed(string id) => new() { Problem = $"'{Shorten(id)}' is not a run id (a GUID such as 3f2a9c1e-…)", StatusCode = 400 };

    public static RunLookup Unknown(string id) => new() { Problem = $"no run {id}", StatusCode = 404 };

    public static RunLookup Queued(string id) =>
        new() { Problem = $"run {id} is queued: the Scorer has not registered it yet, so it has no problems or scores to show", StatusCode = 409 };

    private static string Shorten(string id) => id.Length > 60 ? id[..60] + "…" : id;
}
