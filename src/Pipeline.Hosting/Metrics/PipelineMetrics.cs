using System.Diagnostics.Metrics;
using Pipeline.Contracts;

namespace Pipeline.Hosting.Metrics;

/// <summary>
/// Pipeline's own instruments, one meter for every service. Counters only count: Prometheus turns them into
/// rates (samples generated, graded and scored per second), so no rate is computed here.
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "Pipeline";

    private readonly Meter _meter;
    private readonly Counter<long> _generated;
    private readonly Counter<long> _graded;
    private readonly Counter<long> _scored;
    /// <summary>A sample grades in tens of milliseconds to its time limit (6 s per test, tests in sequence).</summary>
    public static readonly IReadOnlyList<double> SandboxBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    /// <summary>A completion takes from a second to the request timeout (minutes for long reasoning).</summary>
    public static readonly IReadOnlyList<double> ModelLatencyBuckets = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    private readonly Histogram<double> _sandboxSeconds;
    private readonly Histogram<double> _modelLatencySeconds;
    private readonly Counter<long> _tokens;

    public PipelineMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _generated = _meter.CreateCounter<long>("pipeline.samples.generated", "{sample}", "Samples the Generator produced");
        _graded = _meter.CreateCounter<long>("pipeline.samples.graded", "{sample}", "Samples the Executor graded");
        _scored = _meter.CreateCounter<long>("pipeline.samples.scored", "{sample}", "Verdicts the Scorer recorded");
        // Buckets in seconds: the default ones (0 … 10000) are made for milliseconds and put every sample in the first few.
        _sandboxSeconds = _meter.CreateHistogram("pipeline.sandbox.duration", "s", "Time grading one sample in its sandbox",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SandboxBuckets });
        _modelLatencySeconds = _meter.CreateHistogram("pipeline.model.latency", "s", "Model server time for the request that produced a sample",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ModelLatencyBuckets });
        _tokens = _meter.CreateCounter<long>("pipeline.model.tokens", "{token}", "Tokens the model server reported, by kind (prompt, completion)");
    }

    /// <summary>The meter itself, for instruments owned elsewhere (queue depth).</summary>
    public Meter Meter => _meter;

    public void SampleGenerated(SolutionGenerated sample)
    {
        var issue = new KeyValuePair<string, object?>("outcome", sample.GenerationIssue is null ? "answer" : "no_answer");
        _generated.Add(1, issue);
        _modelLatencySeconds.Record(sample.LatencyMs / 1000);
        _tokens.Add(sample.PromptTokens, new KeyValuePair<string, object?>("kind", "prompt"));
        _tokens.Add(sample.CompletionTokens, new KeyValuePair<string, object?>("kind", "completion"));
    }

    public void SampleGraded(SolutionGraded verdict)
    {
        _graded.Add(1, new KeyValuePair<string, object?>("passed", verdict.Passed));
        _sandboxSeconds.Record(verdict.GradingMs / 1000);
    }

    public void SamplesScored(int samples) => _scored.Add(samples);

    public void Dispose() => _meter.Dispose();
}
