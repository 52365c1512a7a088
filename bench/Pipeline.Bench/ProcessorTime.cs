using System.Diagnostics;

namespace Pipeline.Bench;

/// <summary>
/// Processor time used by this process (the in-process services, without their sandbox workers, which are child
/// processes), by the RabbitMQ broker and by Redis, between two snapshots. The broker and Redis are found by their
/// process names on this machine; one not visible counts as zero.
/// </summary>
internal sealed record ProcessorTime(TimeSpan Services, TimeSpan Broker, TimeSpan Redis)
{
    public static ProcessorTime Now()
    {
        using var self = Process.GetCurrentProcess();
        return new ProcessorTime(self.TotalProcessorTime, Named("beam.smp"), Named("redis-server"));
    }

    public static ProcessorTime operator -(ProcessorTime after, ProcessorTime before) =>
        new(after.Services - before.Services, after.Broker - before.Broker, after.Redis - before.Redis);

    /// <summary>Milliseconds of each per sample, for one line of the bench's output.</summary>
    public string PerSample(long samples) =>
        $"CPU per sample: services {Milliseconds(Services, samples)} ms, broker {Milliseconds(Broker, samples)} ms, Redis {Milliseconds(Redis, samples)} ms";

    private static string Milliseconds(TimeSpan time, long samples) => $"{time.TotalMilliseconds / Math.Max(1, samples):F2}";

    private static TimeSpan Named(string name)
    {
        var total = TimeSpan.Zero;
        // Redis rewrites its command line into a title ("redis-server 127.0.0.1:6379"), which .NET reads as the process name.
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                if (process.ProcessName != name && !process.ProcessName.StartsWith(name + " ", StringComparison.Ordinal))
                {
                    continue;
                }
                try
                {
                    total += process.TotalProcessorTime;
                }
                catch (InvalidOperationException)
                {
                    // it exited between the listing and the reading
                }
            }
        }
        return total;
    }
}
