using System.Globalization;

namespace Pipeline.Bench;

/// <summary>
/// The whole machine's processor time, busy and in all, between two snapshots of <c>/proc/stat</c>: whether a figure
/// was set by the cores rather than by what was measured. Busy is everything but idle and I/O wait (steal included:
/// on a virtual machine that time was not the guest's to use).
/// </summary>
internal readonly record struct MachineProcessor(double BusySeconds, double AllSeconds)
{
    /// <summary>The kernel's USER_HZ, 100 on every Linux this runs on.</summary>
    public const double TicksPerSecond = 100;

    public static MachineProcessor Now()
    {
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(field => double.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var all = ticks.Sum();
        return new MachineProcessor((all - ticks[3] - ticks[4]) / TicksPerSecond, all / TicksPerSecond);
    }

    public static MachineProcessor operator -(MachineProcessor after, MachineProcessor before) =>
        new(after.BusySeconds - before.BusySeconds, after.AllSeconds - before.AllSeconds);

    public double MillisecondsPerSample(long samples) => 1000 * BusySeconds / Math.Max(1, samples);

    public string Describe(long samples) =>
        $"machine CPU {100 * BusySeconds / Math.Max(AllSeconds, 1e-9):F0}% busy of {Environment.ProcessorCount} cores, " +
        $"{MillisecondsPerSample(samples):F1} CPU ms per sample";
}
