using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Runs.Export;
using Pipeline.Runs;
using Spectre.Console;

namespace Pipeline.Cli.Commands.Grade;

/// <summary>Grades every sample of a job with a bounded number in flight, behind a progress bar.</summary>
public static class GradeProgress
{
    public static async Task<IReadOnlyList<ExportedProblem>> RunAsync(GradeJob job, SampleGrader grader, double timeoutSeconds,
        int parallelism, CancellationToken cancellationToken)
    {
        var outcomes = job.Problems.Select(p => new SandboxOutcome[p.Generations.CodeList.Count]).ToArray();
        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var bar = context.AddTask("grading", maxValue: Math.Max(1, job.SampleCount));
            await Parallel.ForEachAsync(job.Samples, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
                async (sample, ct) =>
                {
                    var (problem, generations) = job.Problems[sample.Problem];
                    outcomes[sample.Problem][sample.Sample] =
                        await grader.GradeAsync(generations.CodeList[sample.Sample], problem.Suite, timeoutSeconds, ct);
                    bar.Increment(1);
                });
        });
        return [.. job.Problems.Select((p, i) => new ExportedProblem(p.Problem.Problem, [.. outcomes[i].Select((outcome, s) => new SampleVerdict
        {
            ProblemId = p.Problem.Problem.QuestionId, SampleIndex = s, Passed = outcome.Passed, Results = outcome.Results,
            MetadataJson = outcome.MetadataJson, Code = p.Generations.CodeList[s], RawOutput = p.Generations.OutputList[s],
            GradingMs = outcome.Elapsed.TotalMilliseconds,
        })]))];
    }
}
