using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// Starts worker processes from one thread that lives as long as this process. bubblewrap's --die-with-parent
/// is PR_SET_PDEATHSIG, which Linux sends when the thread that forked the worker exits, not when its process
/// does: a worker started from a thread-pool thread was killed (SIGKILL, exit code 137) as soon as the pool
/// retired that thread, between two samples.
/// </summary>
internal static class LauncherThread
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<System.Diagnostics.Process> Started)> Requests = [];

    static LauncherThread() => new Thread(Serve) { IsBackground = true, Name = "worker launcher" }.Start();

    public static Task<System.Diagnostics.Process> StartAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<System.Diagnostics.Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, started));
        return started.Task;
    }

    private static void Serve()
    {
        foreach (var (start, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}"));
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
