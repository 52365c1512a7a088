using Pipeline.IntegrationTests.EndToEnd;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.Faults;

/// <summary>The line every fault test logs: what the fault cost (the figures docs/decisions/013 reports).</summary>
internal static class FaultFigures
{
    /// <param name="faultEnded">when the fault was over (on the run's trace clock)</param>
    public static void Log(ITestOutputHelper log, string fault, ClusterRun.Outcome run, TimeSpan faultEnded, OfficialScore.Losses losses)
    {
        var resumed = run.Trace.TimeToResume(faultEnded) is { } span ? $"{span.TotalSeconds:F1} s" : "none (no sample graded after it)";
        log.WriteLine($"{fault}: time to recover (fault over -> next sample graded) {resumed}, total {run.Elapsed.TotalSeconds:F1} s, " +
            $"samples lost {losses.Lost}, duplicates {losses.Duplicates}, of {losses.Expected}");
    }
}
