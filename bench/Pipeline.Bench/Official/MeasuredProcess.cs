using System.Diagnostics;

namespace Pipeline.Bench.Official;

/// <summary>What one timed run of a command gave: its wall time, the peak memory of its whole process tree, and its output.</summary>
internal sealed record ProcessRun(TimeSpan Wall, long PeakBytes, int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs a command to its end and measures it from the outside: wall time from start to exit, and, when asked,
/// the peak of the summed proportional set size (PSS) of the process and all its descendants, sampled from
/// /proc every <see cref="Interval"/>. PSS, not RSS: forked children share their parent's pages, and
/// summing RSS would count a warm interpreter once per fork for both runners. Sampling walks every process's
/// page tables and holds their memory locks, which slows a runner that forks per sample: a timed run is not sampled.
/// </summary>
internal static class MeasuredProcess
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<ProcessRun> RunAsync(string file, IEnumerable<string> arguments, string? workingDirectory = null,
        bool samplePeakMemory = false)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var stop = new CancellationTokenSource();
        var peak = samplePeakMemory ? SamplePeakAsync(process.Id, stop.Token) : Task.FromResult(0L);
        await process.WaitForExitAsync();
        var wall = clock.Elapsed;
        await stop.CancelAsync();
        return new ProcessRun(wall, await peak, process.ExitCode, await stdout, await stderr);
    }

    private static async Task<long> SamplePeakAsync(int root, CancellationToken cancellationToken)
    {
        var peak = 0L;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                peak = Math.Max(peak, Descendants(root).Sum(Pss));
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // the command ended
        }
        return peak;
    }

    private static IEnumerable<int> Descendants(int pid)
    {
        yield return pid;
        foreach (var child in Children(pid))
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
        return tasks.SelectMany(task => ReadOrEmpty(Path.Combine(task, "children"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)).Distinct().ToList();
    }

    /// <summary>Bytes of the process's PSS, 0 once it is gone.</summary>
    private static long Pss(int pid)
    {
        foreach (var line in ReadOrEmpty($"/proc/{pid}/smaps_rollup").Split('\n'))
        {
            if (line.StartsWith("Pss:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }
        return 0;
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
