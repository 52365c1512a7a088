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
    /// <summary>The extra request fields and request timeout sent with every request (the key is the client's).</summary>
    public ModelServerSettings ModelServer { get; init; } = new();
    /// <summary>Problems in flight at once; the model client's per-server limit bounds the requests themselves.</summary>
    public int Parallelism { get; init; } = 8;

    public ModelTarget Target => new() { BaseUrl = BaseUrl, Model = Model, Sampling = Sampling, ModelServer = ModelServer };
}

/// <summary>
/// The offline half of the two-step flow: samples every problem not yet in the output and appends its row as
/// soon as it is complete, so an interrupted run resumes where it stopped.
/// </summary>
public sealed class OfflineGenerator(SampleGenerator generator)
{
    /// <summary>Code generation: the official prompt of each problem, n samples.</summary>
    public Task RunAsync(
        IReadOnlyList<Problem> pending, OfflineGenerationSettings settings, GenerationOutput output,
        Action<Problem, IReadOnlyList<GeneratedSample>> onProblemDone, CancellationToken cancellationToken) =>
        RunEachAsync(pending, settings.Parallelism, output, onProblemDone, async (problem, token) =>
        {
            var samples = await generator.GenerateAsync(
                GenerationRequest.Official(settings.Scenario, settings.Cot, settings.Style, problem, settings.Target), token);
            return (samples, GenerationRow.Serialize(problem, samples));
        }, cancellationToken);

    /// <summary>Any scenario: <paramref name="sample"/> gives a problem's samples and its output row.</summary>
    public static async Task RunEachAsync(
        IReadOnlyList<Problem> pending, int parallelism, GenerationOutput output, Action<Problem, IReadOnlyList<GeneratedSample>> onProblemDone,
        Func<Problem, CancellationToken, Task<(IReadOnlyList<GeneratedSample> Samples, string Row)>> sample, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending, options, async (problem, token) =>
        {
            var (samples, row) = await sample(problem, token);
            await output.AppendAsync(row, token);
            onProblemDone(problem, samples);
        });
    }
}
