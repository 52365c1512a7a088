using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;

namespace Pipeline.Dataset.Ingest;

/// <summary>
/// Answers <see cref="CheckSelection"/> from the dataset Ingest reads, without storing anything: each field a run could
/// not start with is named (an unknown platform, a release the files do not have, dates no problem falls in), and a
/// selection whose filters each match something but not together is refused as a whole.
/// </summary>
public sealed class SelectionCheck(DatasetOptions dataset)
{
    public SelectionChecked Check(CheckSelection request)
    {
        var selection = request.Selection;
        var errors = new Dictionary<string, string>();
        Unknown(selection.Platforms, LcbValues.Platforms, "platforms", errors);
        Unknown(selection.Difficulties, LcbValues.Difficulties, "difficulties", errors);
        if (selection.StartDate > selection.EndDate)
        {
            errors["endDate"] = $"endDate {selection.EndDate:yyyy-MM-dd} is before startDate {selection.StartDate:yyyy-MM-dd}";
        }
        if (selection.Limit < 1)
        {
            errors["limit"] = "limit must be at least 1";
        }
        IReadOnlyList<Problem> rows = [];
        try
        {
            var scenario = ScenarioNames.Validate(request.Scenario, request.Cot);
            var source = dataset.SourceFor(scenario);
            try
            {
                rows = [.. DatasetReader.Headers(source, selection.Release, new DatasetReport(), scenario)];
            }
            catch (DatasetException error)
            {
                errors["release"] = error.Message;
            }
        }
        catch (Exception error) when (error is ArgumentException or DatasetException)
        {
            errors["scenario"] = error.Message;
        }
        if (errors.Count > 0)
        {
            return new SelectionChecked { Problems = 0, Errors = errors };
        }
        var matching = rows.Count(new SelectionFilter(selection).Matches);
        return matching > 0
            ? new SelectionChecked { Problems = Math.Min(matching, selection.Limit ?? int.MaxValue) }
            : new SelectionChecked { Problems = 0, Errors = new EmptySelection(selection, rows).Reasons() };
    }

    private static void Unknown(IReadOnlyList<string> values, IReadOnlySet<string> allowed, string field, Dictionary<string, string> errors)
    {
        var unknown = values.Where(v => !allowed.Contains(v.ToLowerInvariant())).ToList();
        if (unknown.Count > 0)
        {
            errors[field] = $"unknown {string.Join(", ", unknown.Select(v => $"'{v}'"))} (expected {string.Join(", ", allowed)})";
        }
    }
}
