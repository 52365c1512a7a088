using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Runs.Comparison;
using Pipeline.Runs.Scoring;

namespace Pipeline.Runs.Views;

/// <summary>
/// A model family's checkpoints in step order: the runs whose model matches a pattern (e.g. "ckpt-(\d+)", the step
/// taken from the first capture group; without a group, the run's start time), each with pass@1, its interval and
/// whether it regressed against the best checkpoint before it.
/// </summary>
public static class CheckpointSeries
{
    public static IReadOnlyList<CheckpointPoint> Of(
        Regex pattern, IEnumerable<(RunRegistration Run, IReadOnlyDictionary<string, ProblemCounts> Counts)> runs)
    {
        var ordered = runs
            .Select(r => (r.Run, Match: pattern.Match(r.Run.Model), Problems: RunScores.Problems(r.Run, r.Counts, DateWindow.All, completeOnly: false)))
            .Where(r => r.Match.Success)
            .Select(r => (r.Run, r.Problems, Step: StepOf(r.Match, r.Run)))
            .OrderBy(r => r.Step)
            .ToList();
        var points = new List<CheckpointPoint>(ordered.Count);
        IReadOnlyList<ScoredProblem>? best = null;
        foreach (var (run, problems, step) in ordered)
        {
            var overall = ScoreInterval.Of(problems);
            points.Add(new CheckpointPoint
            {
                RunId = run.RunId,
                Model = run.Model,
                Step = step,
                StartedAt = run.StartedAt,
                Overall = overall,
                ByDifficulty = BreakdownScores.By(Breakdown.Difficulty, problems, [1]).ToDictionary(g => g.Group, g => g.PassAtK["pass@1"]),
                Regression = best is not null && RunComparison.Compare(best, problems, ScoreInterval.Resamples)[0].High < 0,
            });
            if (best is null || overall.PassAt1 > best.Average(p => p.PassAt1))
            {
                best = problems;
            }
        }
        return points;
    }

    private static double StepOf(Match match, RunRegistration run) =>
        match.Groups.Count > 1 && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var step)
            ? step
            : run.StartedAt.ToUnixTimeSeconds();
}
