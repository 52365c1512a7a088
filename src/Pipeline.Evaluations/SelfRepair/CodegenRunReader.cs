using Pipeline.Core.Scenarios;
using Pipeline.Core.Stores;
using Pipeline.Generation.SelfRepair;
using Pipeline.Runs;

namespace Pipeline.Evaluations.SelfRepair;

/// <summary>
/// The code-generation run a self-repair run starts from, named as a user names it: an official
/// <c>_eval_all.json</c> file (or its .jsonl form), or a finished Pipeline run (its id or an unambiguous start of it),
/// read from the run store (answers, code, verdicts, metadata) and the problem store (question text).
/// </summary>
public sealed class CodegenRunReader(IRunStore runs, IProblemStore problems)
{
    /// <summary>Whether <paramref name="runOrFile"/> names an eval_all file (read without the stores) rather than a run.</summary>
    public static bool IsFile(string runOrFile) => File.Exists(runOrFile);

    /// <exception cref="InvalidDataException">the file is not a code-generation eval_all, or the run is not a finished code-generation run</exception>
    /// <exception cref="RunNotFoundException">neither a file nor a run by that name</exception>
    public async Task<CodegenRun> ReadAsync(string runOrFile, CancellationToken cancellationToken)
    {
        if (IsFile(runOrFile))
        {
            return EvalAllFile.Read(runOrFile);
        }
        var run = await RunLookup.FindAsync(runs, runOrFile, cancellationToken);
        var label = $"run {run.RunId}";
        if (ScenarioNames.Parse(run.Request?.Scenario ?? ScenarioNames.Default) != Scenario.CodeGeneration)
        {
            throw new InvalidDataException($"{label} is a {run.Scenario} run; self-repair repairs a codegeneration run");
        }
        if (await runs.GetReportAsync(run.RunId, cancellationToken) is null)
        {
            throw new InvalidDataException($"{label} is not finished (see `lcb status {run.RunId.ToString("N")[..8]}`); self-repair needs every verdict");
        }
        var verdicts = (await runs.GetVerdictsAsync(run.RunId, cancellationToken)).ToLookup(verdict => verdict.ProblemId);
        var repaired = new List<CodegenProblem>();
        foreach (var problem in run.Problems)
        {
            var question = await problems.GetAsync(problem.ProblemId, cancellationToken)
                ?? throw new InvalidDataException($"{label}: problem '{problem.ProblemId}' is no longer in the problem store; ingest its dataset again");
            repaired.Add(new CodegenProblem
            {
                QuestionId = problem.ProblemId,
                QuestionContent = question.QuestionContent,
                Samples = [.. verdicts[problem.ProblemId].OrderBy(verdict => verdict.SampleIndex).Select(verdict => new CodegenSample
                {
                    Output = verdict.RawOutput, Code = verdict.Code, Passed = verdict.Passed, MetadataJson = verdict.MetadataJson,
                })],
            });
        }
        return new CodegenRun { Source = label, Problems = repaired };
    }
}
