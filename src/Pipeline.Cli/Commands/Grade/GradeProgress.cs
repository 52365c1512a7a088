using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Runs.Export;
using Pipeline.Runs;
using Spectre.Console;

namespace Pipeline.Cli.Commands.Grade;

/// <summary>Grades every sample of a job with a bounded number in flight, behind a progress bar.</summary>
public static class GradeProgress
{
    /// <param name="journal">where each verdict is kept as it is made, and the verdicts of an interrupted run to skip; null keeps nothing.</param>
    public static async Task<IReadOnlyList<ExportedProblem>> RunAsync(GradeJob job, SampleGrader grader, double timeoutSeconds,
        int parallelism, CancellationToken cancellationToken, GradeJournal? journal = null)
    {
        var outcomes = job.Problems.Select(p => new SandboxOutcome[p.Generations.CodeList.Count]).ToArray();
        var pending = new List<(int Problem, int Sample)>();
        foreach (var sample in job.Samples)
        {
            var id = job.Problems[sample.Problem].Problem.Problem.QuestionId;
            if (journal?.Graded.TryGetValue((id, sample.Sample), out var done) == true)
            {
                outcomes[sample.Problem][sample.Sample] = done;
            }
            else
            {
                pending.Add(sample);
            }
        }
        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var bar = context.AddTask("grading", maxValue: Math.Max(1, job.SampleCount));
            bar.Increment(job.SampleCount - pending.Count);
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
                async (sample, ct) =>
                {
                    var (problem, generations) = job.Problems[sample.Problem];
                    var outcome = await grader.GradeAsync(generations.CodeList[sample.Sample], problem.Suite, timeoutSeconds, ct);
                    outcomes[sample.Problem][sample.Sample] = outcome;
                    journal?.Append(problem.Problem.QuestionId, sample.Sample, outcome);
                    bar.Increment(1);
                });
        });
        var ungraded = outcomes.Sum(samples => samples.Count(outcome => outcome.GradingFailed));
        if (ungraded > 0)
        {
            AnsiConsole.MarkupLine($"[yellow]{ungraded} sample(s) faulted the sandbox on every attempt: scored as failed, error code -5 in eval_all.json[/]");
        }
        return [.. job.Problems.Select((p, i) => new ExportedProblem(p.Problem.Problem, [.. outcomes[i].Select((outcome, s) => new SampleVerdict
        {
            ProblemId = p.Problem.Problem.QuestionId, SampleIndex = s, Passed = outcome.Passed, Results = outcome.Results,
            MetadataJson = outcome.MetadataJson, Code = p.Generations.CodeList[s], RawOutput = p.Generations.OutputList[s],
            GradingMs = outcome.Elapsed.TotalMilliseconds,
        })]) { OriginalCodeList = p.Generations.OriginalCodeList })];
    }
}
