using System.CommandLine;
using System.Text.Json;
using Pipeline.Cli.Runs;
using Pipeline.Core.Stores;
using Pipeline.Runs;
using Pipeline.Runs.Published;
using Pipeline.Runs.Scoring;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb results RUN`: pass@k from the stored verdicts, overall or broken down, for any contest-date window.
/// While the run streams, only problems with all their samples graded are scored (marked provisional).
/// </summary>
public static class ResultsCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "run id, or the start of it" };
        var by = new Option<string?>("--by") { Description = "break down by difficulty, platform or month" };
        by.AcceptOnlyFromAmong("difficulty", "platform", "month");
        var json = new Option<bool>("--json") { Description = "print JSON instead of a table" };
        var startDate = new Option<DateOnly?>("--start-date") { Description = "first contest day included (yyyy-mm-dd)" };
        var endDate = new Option<DateOnly?>("--end-date") { Description = "last contest day included (yyyy-mm-dd)" };
        var command = new Command("results", "Show a run's pass@k, overall or by difficulty, platform or month")
        {
            run, by, json, startDate, endDate,
        };
        var storeOptions = new RunStoreOptions();
        RunCommandAction.Set(command, storeOptions, (parse, store, redis, cancellationToken) => ExecuteAsync(
            store, new PublishedScores(new RedisPublishedScoreStore(redis, new RedisKeys(storeOptions.KeyPrefix(parse))), []),
            AnsiConsole.Console, parse.GetRequiredValue(run), ParseBreakdown(parse.GetValue(by)),
            new DateWindow(parse.GetValue(startDate), parse.GetValue(endDate)), parse.GetValue(json), cancellationToken));
        return command;
    }

    public static Task<int> ExecuteAsync(
        IRunStore store, IAnsiConsole console, string runText, Breakdown? by, DateWindow window, bool json, CancellationToken cancellationToken) =>
        ExecuteAsync(store, PublishedScores.None, console, runText, by, window, json, cancellationToken);

    public static async Task<int> ExecuteAsync(
        IRunStore store, PublishedScores publishedScores, IAnsiConsole console, string runText, Breakdown? by, DateWindow window, bool json,
        CancellationToken cancellationToken)
    {
        var run = await RunLookup.FindAsync(store, runText, cancellationToken);
        var completed = await store.GetReportAsync(run.RunId, cancellationToken) is not null;
        var problems = RunScores.Problems(run, await store.GetCountsAsync(run.RunId, cancellationToken), window, completeOnly: !completed);
        var overall = GroupScore.Of("all", problems, run.Ks);
        var groups = by is { } breakdown ? BreakdownScores.By(breakdown, problems, run.Ks) : [];
        // Answers the server cut at the token limit (finish_reason "length") and samples with no usable answer:
        // both scored as they are (no answer fails), but a wrong answer and no answer call for different fixes.
        var verdicts = await store.GetVerdictsAsync(run.RunId, cancellationToken);
        var truncated = verdicts.Count(verdict => verdict.Truncated);
        var noAnswer = verdicts.Count(verdict => verdict.GenerationIssue is not null);
        var published = await publishedScores.CheckAsync(run, overall.PassAtK["pass@1"], cancellationToken);
        if (json)
        {
            var document = new
            {
                run.RunId, run.Model, run.Scenario, Provisional = !completed, window.Start, window.End, By = by?.ToString().ToLowerInvariant(),
                Overall = overall, Groups = groups, TruncatedAnswers = truncated, NoAnswer = noAnswer, Published = published,
            };
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document, JsonOptions));
            return 0;
        }
        var ks = overall.PassAtK.Keys.ToList();
        var table = new Table().AddColumns([by?.ToString().ToLowerInvariant() ?? "", "problems", "samples", .. ks]);
        table.Title = new TableTitle(Markup.Escape($"{run.Model}, {run.Scenario}{(completed ? "" : " (provisional: complete problems only)")}"));
        foreach (var row in groups.Append(overall))
        {
            table.AddRow([Markup.Escape(row.Group), row.Problems.ToString(), row.Samples.ToString(),
                .. ks.Select(k => ScoreText.Percent(row.PassAtK.TryGetValue(k, out var score) ? score : null))]);
        }
        console.Write(table);
        console.MarkupLineInterpolated($"{truncated} answers truncated at the token limit (finish_reason \"length\")");
        console.MarkupLineInterpolated($"{noAnswer} samples with no usable answer (empty or unparseable reply), scored as failing");
        if (published is not null)
        {
            console.MarkupLineInterpolated($"pass@1 {published.Line()}");
        }
        return 0;
    }

    private static Breakdown? ParseBreakdown(string? by) => by is null ? null : Enum.Parse<Breakdown>(by, ignoreCase: true);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
