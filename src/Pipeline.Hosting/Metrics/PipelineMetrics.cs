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

    private readonly Meter meter;
    private readonly Counter<long> generated;
    private readonly Counter<long> graded;
    private readonly Counter<long> scored;
    private readonly Histogram<double> sandboxSeconds;
    private readonly Histogram<double> modelLatencySeconds;
    private readonly Counter<long> tokens;

    public PipelineMetrics(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        generated = meter.CreateCounter<long>("pipeline.samples.generated", "{sample}", "Samples the Generator produced");
        graded = meter.CreateCounter<long>("pipeline.samples.graded", "{sample}", "Samples the Executor graded");
        scored = meter.CreateCounter<long>("pipeline.samples.scored", "{sample}", "Verdicts the Scorer recorded");
        sandboxSeconds = meter.CreateHistogram<double>("pipeline.sandbox.duration", "s", "Time grading one sample in its sandbox");
        modelLatencySeconds = meter.CreateHistogram<double>("pipeline.model.latency", "s", "Model server time for the request that produced a sample");
        tokens = meter.CreateCounter<long>("pipeline.model.tokens", "{token}", "Tokens the model server reported, by kind (prompt, completion)");
    }

    /// <summary>The meter itself, for instruments owned elsewhere (queue depth).</summary>
    public Meter Meter => meter;

    public void SampleGenerated(SolutionGenerated sample)
    {
        var issue = new KeyValuePair<string, object?>("outcome", sample.GenerationIssue is null ? "answer" : "no_answer");
        generated.Add(1, issue);
        modelLatencySeconds.Record(sample.LatencyMs / 1000);
        tokens.Add(sample.PromptTokens, new KeyValuePair<string, object?>("kind", "prompt"));
        tokens.Add(sample.CompletionTokens, new KeyValuePair<string, object?>("kind", "completion"));
    }

    public void SampleGraded(SolutionGraded verdict)
    {
        graded.Add(1, new KeyValuePair<string, object?>("passed", verdict.Passed));
        sandboxSeconds.Record(verdict.GradingMs / 1000);
    }

    public void SampleScored() => scored.Add(1);

    public void Dispose() => meter.Dispose();
}
