using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.Grading.Timings;

/// <summary>
/// Where grading time goes, by phase, as one histogram on the <c>Pipeline.Grading</c> meter. Recording is
/// free while nobody listens (the instrument is disabled); <c>lcb grade --timings</c> listens and prints the
/// sums (<see cref="GradingTimingsListener"/>), and any metrics exporter could.
/// </summary>
public static class GradingTimings
{
    public const string MeterName = "Pipeline.Grading";
    private static readonly Meter Meter = new(MeterName);
    internal static readonly Histogram<double> Phases = Meter.CreateHistogram<double>("pipeline.grading.phase", "s", "Time spent in one phase of grading");

    public static bool Enabled => Phases.Enabled;

    public static void Record(string phase, TimeSpan elapsed)
    {
        if (Phases.Enabled)
        {
            Phases.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("phase", phase));
        }
    }

    /// <summary>Times the rest of a <c>using</c> block as <paramref name="phase"/>.</summary>
    public static Scope Measure(string phase) => new(phase, Phases.Enabled ? Stopwatch.GetTimestamp() : 0);

    public readonly struct Scope(string phase, long started) : IDisposable
    {
        public void Dispose()
        {
            if (started != 0)
            {
                Record(phase, Stopwatch.GetElapsedTime(started));
            }
        }
    }
}
