using System.Globalization;

namespace Pipeline.Bench;

/// <summary>
/// Processor time of every process on the machine between two snapshots of <c>/proc/*/stat</c>, summed by program:
/// the command name (kernel workers as one), or for a .NET host the assembly it runs (every service is "dotnet" to the
/// kernel). Time of the children a process reaped (a sandbox's finished samples) is shown apart, after a "+".
/// </summary>
internal sealed class ProcessorByProgram
{
    private readonly Dictionary<int, (string Program, long Own, long Reaped)> _processes;

    private ProcessorByProgram(Dictionary<int, (string, long, long)> processes) => _processes = processes;

    public static ProcessorByProgram Now()
    {
        var processes = new Dictionary<int, (string, long, long)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read(directory) is { } process)
            {
                processes[pid] = process;
            }
        }
        return new ProcessorByProgram(processes);
    }

    /// <summary>Seconds by program since <paramref name="before"/>, largest first; a process new since then counts whole.</summary>
    public IReadOnlyList<(string Program, double Own, double Reaped)> Since(ProcessorByProgram before) =>
        [.. _processes
            .Select(p => before._processes.TryGetValue(p.Key, out var earlier)
                ? (p.Value.Program, Own: p.Value.Own - earlier.Own, Reaped: p.Value.Reaped - earlier.Reaped)
                : p.Value)
            .GroupBy(p => p.Program)
            .Select(g => (g.Key, g.Sum(p => p.Own) / MachineProcessor.TicksPerSecond, g.Sum(p => p.Reaped) / MachineProcessor.TicksPerSecond))
            .Where(p => p.Item2 + p.Item3 > 0)
            .OrderByDescending(p => p.Item2 + p.Item3)];

    public string Describe(ProcessorByProgram before, long samples, int top = 6) =>
        "CPU ms per sample by program: " + string.Join(", ", Since(before).Take(top).Select(p =>
            $"{p.Program} {PerSample(p.Own, samples)}" + (p.Reaped > 0 ? $" + {PerSample(p.Reaped, samples)} reaped" : "")));

    private static string PerSample(double seconds, long samples) => (1000 * seconds / Math.Max(1, samples)).ToString("F0", CultureInfo.InvariantCulture);

    private static (string, long, long)? Read(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var nameEnd = stat.LastIndexOf(')'); // the name itself may hold ')'
            var fields = stat[(nameEnd + 2)..].Split(' ');
            // after the name: utime, stime, cutime, cstime are fields 14-17 of proc(5), here 11-14
            var ticks = fields.Skip(11).Take(4).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
            var name = stat[(stat.IndexOf('(') + 1)..nameEnd];
            // a kernel worker's name changes with the work it does
            var program = name.StartsWith("kworker/", StringComparison.Ordinal) ? "kernel workers" : name == "dotnet" ? HostedAssembly(directory) ?? name : name;
            return (program, ticks[0] + ticks[1], ticks[2] + ticks[3]);
        }
        catch (IOException)
        {
            return null; // the process ended while it was read
        }
    }

    private static string? HostedAssembly(string directory) =>
        File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0')
            .FirstOrDefault(argument => argument.EndsWith(".dll", StringComparison.Ordinal)) is { } dll
            ? Path.GetFileNameWithoutExtension(dll)
            : null;
}
