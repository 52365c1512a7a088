using Pipeline.Grading.Timings;

namespace Pipeline.Cli.Commands.Grade;

/// <summary><c>lcb grade --timings</c>: one line per grading phase, total seconds, count and mean.</summary>
public static class TimingsTable
{
    public static void Print(GradingTimingsListener listener)
    {
        Console.WriteLine("timings (phase: total s, count, mean ms; summed phases overlap across workers):");
        foreach (var (phase, seconds, count) in listener.Totals())
        {
            Console.WriteLine($"  {phase,-66} {seconds,9:F3} s {count,7} x {seconds * 1000 / count,9:F2} ms");
        }
    }
}
