using Pipeline.Contracts;
using Pipeline.Core.Problems;

namespace Pipeline.Dataset;

/// <summary>
/// The per-row part of a <see cref="DatasetSelection"/>. Dates compare as the official runner does:
/// start ≤ contest_date ≤ end, each bound being midnight of the given day.
/// </summary>
public sealed class SelectionFilter(DatasetSelection selection)
{
    private readonly DateTime? _start = selection.StartDate?.ToDateTime(TimeOnly.MinValue);
    private readonly DateTime? _end = selection.EndDate?.ToDateTime(TimeOnly.MinValue);
    private readonly HashSet<string> _platforms = Known(selection.Platforms, LcbValues.Platforms, "platform");
    private readonly HashSet<string> _difficulties = Known(selection.Difficulties, LcbValues.Difficulties, "difficulty");

    public bool Matches(Problem problem) =>
        (_start is null || _start <= problem.ContestDate)
        && (_end is null || problem.ContestDate <= _end)
        && (_platforms.Count == 0 || _platforms.Contains(problem.Platform))
        && (_difficulties.Count == 0 || _difficulties.Contains(problem.Difficulty));

    /// <exception cref="DatasetException">a filter value no row can have (a typo would otherwise select nothing, silently).</exception>
    private static HashSet<string> Known(IEnumerable<string> values, IReadOnlySet<string> allowed, string name)
    {
        var lowered = values.Select(v => v.ToLowerInvariant()).ToHashSet();
        var unknown = lowered.Where(v => !allowed.Contains(v)).ToList();
        return unknown.Count == 0
            ? lowered
            : throw new DatasetException($"unknown {name} {string.Join(", ", unknown)} (expected {string.Join(", ", allowed)})");
    }
}
