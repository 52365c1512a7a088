using Pipeline.Contracts;
using Pipeline.Core.Problems;

namespace Pipeline.Dataset.Ingest;

/// <summary>
/// Why a selection of valid values matches no problem, by field: each filter that alone excludes every row of the
/// release is named with what the release does have; if each matches something alone, the combination is named.
/// </summary>
internal sealed class EmptySelection(DatasetSelection selection, IReadOnlyList<Problem> rows)
{
    public Dictionary<string, string> Reasons()
    {
        var release = $"release {selection.Release}";
        if (rows.Count == 0)
        {
            return new() { ["release"] = $"{release} of the dataset Ingest reads has no problems" };
        }
        var reasons = new Dictionary<string, string>();
        if (None(selection with { Platforms = [], Difficulties = [] }))
        {
            var dates = $"its contest dates run from {rows.Min(p => p.ContestDate):yyyy-MM-dd} to {rows.Max(p => p.ContestDate):yyyy-MM-dd}";
            foreach (var (field, date) in new[] { ("startDate", selection.StartDate), ("endDate", selection.EndDate) })
            {
                if (date is not null)
                {
                    reasons[field] = $"no problem of {release} falls between {selection.StartDate?.ToString("yyyy-MM-dd") ?? "its first"} and {selection.EndDate?.ToString("yyyy-MM-dd") ?? "its last"} date: {dates}";
                }
            }
        }
        if (selection.Platforms.Count > 0 && None(selection with { StartDate = null, EndDate = null, Difficulties = [] }))
        {
            reasons["platforms"] = $"{release} has no {string.Join("/", selection.Platforms)} problem (it has {Counts(p => p.Platform)})";
        }
        if (selection.Difficulties.Count > 0 && None(selection with { StartDate = null, EndDate = null, Platforms = [] }))
        {
            reasons["difficulties"] = $"{release} has no {string.Join("/", selection.Difficulties)} problem (it has {Counts(p => p.Difficulty)})";
        }
        return reasons.Count > 0
            ? reasons
            : new() { ["selection"] = $"each filter matches problems of {release}, but no problem matches them all together" };
    }

    private bool None(DatasetSelection part) => !rows.Any(new SelectionFilter(part).Matches);

    private string Counts(Func<Problem, string> key) =>
        string.Join(", ", rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
}
