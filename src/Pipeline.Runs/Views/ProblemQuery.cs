namespace Pipeline.Runs.Views;

/// <summary>
/// One page of a run's problems, sorted and filtered on the server so a 1,055-problem run sends only the
/// rows on screen. Built from the registration and the per-problem counts, never from the stored samples.
/// </summary>
public sealed record ProblemQuery
{
    public static readonly string[] SortKeys = ["problemId", "difficulty", "platform", "contestDate", "passAt1"];

    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
    public string Sort { get; init; } = "problemId";
    public bool Descending { get; init; }
    /// <summary>Part of the problem id, case-insensitive.</summary>
    public string? Search { get; init; }
    public string? Difficulty { get; init; }
    public string? Platform { get; init; }
    /// <summary>"passed" (some sample passed), "failed" (none passed), or null for all.</summary>
    public string? Outcome { get; init; }

    public ProblemPage Run(RunRegistration run, IReadOnlyDictionary<string, ProblemCounts> counts)
    {
        var rows = run.Problems.Select(p =>
        {
            var count = counts.GetValueOrDefault(p.ProblemId);
            return new ProblemRow
            {
                ProblemId = p.ProblemId,
                Difficulty = p.Difficulty,
                Platform = p.Platform,
                ContestDate = p.ContestDate,
                Samples = count.Samples,
                Correct = count.Correct,
            };
        }).Where(Matches);
        var sorted = Order(rows).ToList();
        return new ProblemPage { Total = sorted.Count, Offset = Offset, Rows = sorted.Skip(Offset).Take(Limit).ToList() };
    }

    private bool Matches(ProblemRow row) =>
        (string.IsNullOrEmpty(Search) || row.ProblemId.Contains(Search, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(Difficulty) || row.Difficulty == Difficulty)
        && (string.IsNullOrEmpty(Platform) || row.Platform == Platform)
        && Outcome switch
        {
            "passed" => row.Correct > 0,
            "failed" => row.Correct == 0,
            _ => true,
        };

    private IEnumerable<ProblemRow> Order(IEnumerable<ProblemRow> rows)
    {
        IOrderedEnumerable<ProblemRow> ordered = Sort switch
        {
            "difficulty" => Descending ? rows.OrderByDescending(r => r.Difficulty) : rows.OrderBy(r => r.Difficulty),
            "platform" => Descending ? rows.OrderByDescending(r => r.Platform) : rows.OrderBy(r => r.Platform),
            "contestDate" => Descending ? rows.OrderByDescending(r => r.ContestDate) : rows.OrderBy(r => r.ContestDate),
            "passAt1" => Descending ? rows.OrderByDescending(r => r.PassAt1) : rows.OrderBy(r => r.PassAt1),
            _ => Descending ? rows.OrderByDescending(r => r.ProblemId, StringComparer.Ordinal) : rows.OrderBy(r => r.ProblemId, StringComparer.Ordinal),
        };
        // Ties keep a stable reading order, so paging never shows a row twice.
        return ordered.ThenBy(r => r.ProblemId, StringComparer.Ordinal);
    }
}
