using Pipeline.Contracts;
using Pipeline.IntegrationTests.Grading;
using Pipeline.Dataset;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// Checks a finished cluster run against the official runner's verdicts for the same problems: every sample
/// graded once (none lost, none counted twice), each verdict equal to the official one, pass@1 equal, nothing parked.
/// </summary>
public static class OfficialScore
{
    /// <summary>
    /// Samples whose official verdict depends on the machine (docs/decisions/004 and 005): abc380_d doubles a string
    /// until the 6 s alarm (official -3); on a host short of memory it ends before the alarm. Here it must fail, by any code.
    /// </summary>
    private static readonly HashSet<string> MachineDependent = ["abc380_d"];

    /// <summary>What a fault cost: samples never scored and samples scored more than once (both must be 0).</summary>
    public sealed record Losses(int Expected, int Lost, int Duplicates);

    public static async Task<Losses> AssertAsync(IEvaluatedPipeline cluster, DatasetSelection selection, ClusterRun.Outcome run, ITestOutputHelper log)
    {
        var problems = DatasetReader.Read(LcbTestData.ProblemsFile, selection, new DatasetReport()).Select(e => e.Problem.QuestionId).ToHashSet();
        var official = LcbTestData.OfficialVerdicts(PipelineCluster.Model)
            .Where(s => s.SampleIndex == 0 && problems.Contains(s.QuestionId)).ToDictionary(s => s.QuestionId);
        var store = cluster.Store;
        var verdicts = await store.GetVerdictsAsync(run.RunId);
        var counts = await store.GetCountsAsync(run.RunId);
        var distinct = verdicts.Select(v => (v.ProblemId, v.SampleIndex)).Distinct().Count();
        var losses = new Losses(problems.Count, problems.Count - distinct, counts.Values.Sum(c => c.Samples) - distinct);
        var context = $"{run.Output}\n{await cluster.OutputAsync()}";
        Assert.True(losses.Lost == 0 && losses.Duplicates == 0, $"{losses}\n{context}");
        Assert.Equal(problems.Order(), counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.Equal(1, c.Samples));
        var parked = (await cluster.QueuesAsync("messages"))
            .Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal) && q.Value > 0).ToList();
        Assert.True(parked.Count == 0, $"parked: {string.Join(", ", parked)}\n{context}");

        var differing = verdicts.Where(v => !official.TryGetValue(v.ProblemId, out var expected) || !expected.Results.SequenceEqual(v.Results)).ToList();
        foreach (var known in differing.Where(v => MachineDependent.Contains(v.ProblemId)))
        {
            // Still a failure, only by another road (the machine's memory reached before the alarm): the score holds.
            log.WriteLine($"{known.ProblemId}: ours [{string.Join(",", known.Results)}], official [{string.Join(",", official[known.ProblemId].Results)}] (machine-dependent, decision 004)");
            Assert.False(known.Passed);
            Assert.All(known.Results, r => Assert.True(r < 1));
        }
        var mismatches = differing
            .Where(v => !MachineDependent.Contains(v.ProblemId))
            .Select(v => $"{v.ProblemId}: official [{(official.TryGetValue(v.ProblemId, out var e) ? string.Join(",", e.Results) : "none")}], ours [{string.Join(",", v.Results)}]")
            .ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} samples differ from the official runner:\n{string.Join("\n", mismatches)}\n{context}");
        var officialPassed = official.Values.Count(s => s.Passed);
        Assert.Equal(officialPassed, verdicts.Count(v => v.Passed));
        var report = await store.GetReportAsync(run.RunId);
        Assert.NotNull(report);
        Assert.Equal((double)officialPassed / problems.Count, report.Overall.PassAtK["pass@1"], 9);
        log.WriteLine($"{problems.Count} problems, {officialPassed} passed as in the official run; lost {losses.Lost}, duplicates {losses.Duplicates}; {run.Elapsed.TotalSeconds:F1} s in all");
        return losses;
    }
}
