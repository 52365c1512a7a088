using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Pipeline.Grading.Timings;

/// <summary>Sums <see cref="GradingTimings"/> by phase while it lives: total seconds and how many times each phase was recorded.</summary>
public sealed class GradingTimingsListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, (double Seconds, long Count)> _phases = new();

    public GradingTimingsListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GradingTimings.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            var phase = tags.Length > 0 ? tags[0].Value as string ?? "?" : "?";
            _phases.AddOrUpdate(phase, (seconds, 1), (_, sum) => (sum.Seconds + seconds, sum.Count + 1));
        });
        _listener.Start();
    }

    /// <summary>Each phase's total seconds and count, by name (phases are numbered so that the names sort in order).</summary>
    public IReadOnlyList<(string Phase, double Seconds, long Count)> Totals() =>
        [.. _phases.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Seconds, p.Value.Count))];

    public void Dispose() => _listener.Dispose();
}
