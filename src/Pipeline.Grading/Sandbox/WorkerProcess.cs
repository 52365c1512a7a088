using System.Diagnostics;
using System.Text;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// One warm Python worker (harness/worker.py) started from a backend's launch command, spoken to through
/// its pipes (<see cref="WorkerConversation"/>). Once the conversation breaks, or the process exits, it is
/// dead and killed with its whole tree; the pool then replaces it.
/// </summary>
public sealed class WorkerProcess : IWarmWorker
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    /// <summary>An idle worker told to stop exits in about 15 ms; one that does not by then is killed.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

    private readonly System.Diagnostics.Process _process;
    private readonly ProcessChannel _channel;
    private readonly WorkerConversation _conversation;

    private WorkerProcess(System.Diagnostics.Process process)
    {
        _process = process;
        _channel = new ProcessChannel(process);
        _conversation = new WorkerConversation(_channel, "worker");
    }

    /// <summary>
    /// False once the conversation broke or the process exited on its own: the pool checks this before each
    /// sample, so a worker that died while idle is replaced instead of failing the next sample.
    /// </summary>
    public bool IsAlive => !_conversation.IsBroken && !_process.HasExited;

    public static async Task<WorkerProcess> StartAsync(IReadOnlyList<string> launchCommand, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(launchCommand[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in launchCommand.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        var worker = new WorkerProcess(await LauncherThread.StartAsync(start));
        try
        {
            await worker._conversation.WaitUntilReadyAsync(StartTimeout, cancellationToken);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    public async Task<SandboxOutcome> GradeAsync(WorkerRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await _conversation.GradeAsync(request, cancellationToken);
        }
        finally
        {
            if (!IsAlive)
            {
                Kill();
            }
        }
    }

    /// <summary>
    /// A worker still in conversation is idle between samples: the end of its input stops it (it kills the child it
    /// forked ahead and exits, its sandbox with it). Killing its whole process tree instead means stopping each process
    /// in it and scanning /proc for its children, about 50 ms a worker at the end of every lcb grade. A dead, broken
    /// or slow worker is killed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (IsAlive)
        {
            _channel.EndInput();
            await WaitForExitAsync(StopGrace);
        }
        if (!_process.HasExited)
        {
            Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(5));
        }
        _channel.Dispose();
    }

    private async Task WaitForExitAsync(TimeSpan limit) =>
        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(limit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }
}
