using Pipeline.Runs.Views;

namespace Pipeline.Evaluations.Http;

/// <summary>The problems table's query string: offset, limit (at most 500), sort, desc, q, difficulty, platform, outcome.</summary>
internal sealed record ProblemQueryParameters(
    int? Offset, int? Limit, string? Sort, bool? Desc, string? Q, string? Difficulty, string? Platform, string? Outcome)
{
    public const int MaxLimit = 500;

    public ProblemQuery? ToQuery(out string? error)
    {
        error = Offset < 0 ? "offset must be 0 or more"
            : Limit is < 1 or > MaxLimit ? $"limit must be 1 to {MaxLimit}"
            : Sort is not null && !ProblemQuery.SortKeys.Contains(Sort) ? $"sort must be one of {string.Join(", ", ProblemQuery.SortKeys)}"
            : Outcome is not null and not ("passed" or "failed") ? "outcome must be passed or failed"
            : null;
        return error is not null ? null : new ProblemQuery
        {
            Offset = Offset ?? 0,
            Limit = Limit ?? 50,
            Sort = Sort ?? "problemId",
            Descending = Desc ?? false,
            Search = Q,
            Difficulty = Difficulty,
            Platform = Platform,
            Outcome = Outcome,
        };
    }
}
