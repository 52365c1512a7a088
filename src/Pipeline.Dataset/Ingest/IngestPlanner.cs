using Pipeline.Contracts;
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
        if (string.IsNullOrWhiteSpace(dataset.Source))
        {
            throw new DatasetException($"no dataset configured: set {DatasetOptions.Section}:Source (env PIPELINE_{DatasetOptions.Section}__Source)");
        }
        var summary = await ingestor.IngestAsync(dataset.Source, start.Selection, onBadRow, cancellationToken);
        var started = new EvaluationStarted
        {
            RunId = start.RunId,
            Model = start.Model,
            ProblemIds = [.. summary.Problems.Select(p => p.QuestionId)],
            SamplesPerProblem = start.Sampling.N,
            Ks = start.Ks,
            Request = start,
        };
        var commands = summary.Problems.Select(p => new GenerateSolutions
        {
            RunId = start.RunId,
            ProblemId = p.QuestionId,
            SuiteHash = p.SuiteHash,
            Model = start.Model,
            BaseUrl = start.BaseUrl,
            PromptStyle = start.PromptStyle,
            Sampling = start.Sampling,
            TimeoutSeconds = start.TimeoutSeconds,
        }).ToList();
        return new Plan(started, commands, summary);
    }
}
