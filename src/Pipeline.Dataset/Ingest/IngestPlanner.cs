using Pipeline.Contracts;
using Pipeline.Core.Scenarios;
using Pipeline.Dataset;

namespace Pipeline.Dataset.Ingest;

/// <summary>
/// Turns a <see cref="StartEvaluation"/> into stored problems and the messages that start the run:
/// one <see cref="EvaluationStarted"/>, then one <see cref="GenerateSolutions"/> per problem (by suite hash).
/// </summary>
public sealed class IngestPlanner(DatasetIngestor ingestor, DatasetOptions dataset)
{
    public sealed record Plan(EvaluationStarted Started, IReadOnlyList<GenerateSolutions> Commands, IngestSummary Summary);

    public async Task<Plan> PlanAsync(StartEvaluation start, Action<BadRow>? onBadRow = null, CancellationToken cancellationToken = default)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioNames.Validate(start.Scenario, start.Cot);
        }
        catch (ArgumentException error)
        {
            throw new DatasetException(error.Message, error);
        }
        var repaired = RepairedProblems(scenario, start);
        var selection = repaired is null ? start.Selection : start.Selection with { Limit = null };
        var summary = await ingestor.IngestAsync(dataset.SourceFor(scenario), selection, onBadRow, cancellationToken, scenario);
        var problems = repaired is null
            ? summary.Problems
            : [.. summary.Problems.Where(p => repaired.Contains(p.QuestionId)).Take(start.Selection.Limit ?? int.MaxValue)];
        if (problems.Count == 0)
        {
            // A run of nothing would be announced and then refused downstream: refuse it here, with the selection.
            throw new DatasetException($"the selection matches no problem in {dataset.SourceFor(scenario)}: {Describe(start.Selection)}"
                + (repaired is null ? "" : $" that the code-generation run {start.Codegen!.Source} answered"));
        }
        var started = new EvaluationStarted
        {
            RunId = start.RunId,
            Model = start.Model,
            ProblemIds = [.. problems.Select(p => p.QuestionId)],
            SamplesPerProblem = start.Sampling.N,
            Ks = start.Ks,
            Request = start,
        };
        var commands = problems.Select(p => new GenerateSolutions
        {
            RunId = start.RunId,
            ProblemId = p.QuestionId,
            SuiteHash = p.SuiteHash,
            Model = start.Model,
            BaseUrl = start.BaseUrl,
            PromptStyle = start.PromptStyle,
            Scenario = start.Scenario,
            Cot = start.Cot,
            Sampling = start.Sampling,
            TimeoutSeconds = start.TimeoutSeconds,
        }).ToList();
        return new Plan(started, commands, summary);
    }

    /// <summary>Self-repair repairs the problems of its code-generation run that the selection holds (as the offline runner); null for another scenario.</summary>
    private static HashSet<string>? RepairedProblems(Scenario scenario, StartEvaluation start) => scenario != Scenario.SelfRepair
        ? null
        : start.Codegen is { } codegen
            ? [.. codegen.ProblemIds]
            : throw new DatasetException("a selfrepair run needs the code-generation run it repairs (codegen), and none was given");

    private static string Describe(DatasetSelection selection) => string.Join(", ", new[]
    {
        $"release {selection.Release}",
        selection.StartDate is { } from ? $"from {from:yyyy-MM-dd}" : null,
        selection.EndDate is { } to ? $"to {to:yyyy-MM-dd}" : null,
        selection.Platforms.Count > 0 ? $"platforms {string.Join("/", selection.Platforms)}" : null,
        selection.Difficulties.Count > 0 ? $"difficulties {string.Join("/", selection.Difficulties)}" : null,
    }.OfType<string>());
}
