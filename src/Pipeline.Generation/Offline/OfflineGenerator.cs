using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.Prompts;
using Pipeline.Generation;

namespace Pipeline.Generation.Offline;

/// <summary>What `lcb generate` asks of the model for every problem.</summary>
public sealed record OfflineGenerationSettings
{
    public required string BaseUrl { get; init; }
    public required string Model { get; init; }
    public required PromptStyle Style { get; init; }
    public Scenario Scenario { get; init; } = Scenario.CodeGeneration;
    public bool Cot { get; init; }
    public required SamplingSettings Sampling { get; init; }
    /// <summary>Problems in flight at once; the model client's per-server limit bounds the requests themselves.</summary>
    public int Parallelism { get; init; } = 8;
}

/// <summary>
/// The offline half of the two-step flow: samples every problem not yet in the output and appends its row as
/// soon as it is complete, so an interrupted run resumes where it stopped.
/// </summary>
public sealed class OfflineGenerator(SampleGenerator generator)
{
    public async Task RunAsync(
        IReadOnlyList<Problem> pending, OfflineGenerationSettings settings, GenerationOutput output,
        Action<Problem, IReadOnlyList<GeneratedSample>> onProblemDone, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending, options, async (problem, token) =>
        {
            var asked = ScenarioPrompts.For(settings.Scenario, settings.Cot, settings.Style, problem);
            var samples = await generator.GenerateAsync(new GenerationRequest
            {
                BaseUrl = settings.BaseUrl,
                Model = settings.Model,
                Prompt = asked.Prompt,
                Sampling = settings.Sampling,
                Extract = asked.Extract,
            }, token);
            await output.AppendAsync(GenerationRow.Serialize(problem, samples), token);
            onProblemDone(problem, samples);
        });
    }
}
