using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Pipeline.Grading.Sandbox;

namespace Pipeline.Grading;

/// <summary>
/// One warm Python worker (harness/worker.py) started from a backend's launch command, spoken to in
/// JSON lines, one sample at a time. Any break of the protocol (exit, silence past the backstop, a bad
/// line) marks it dead; the pool then replaces it.
/// </summary>
public sealed class WorkerProcess : IWarmWorker
{
    /// <summary>Time beyond the sample's own backstop for the worker to kill its child and answer.</summary>
    private static readonly TimeSpan ReplyGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StderrTail _stderr = new();

    private WorkerProcess(Process process) => _process = process;

    private bool _killed;

    /// <summary>
    /// False once we killed it or it exited on its own: the pool checks this before each sample, so a
    /// worker that died while idle is replaced instead of failing the next sample with a broken pipe.
    /// </summary>
    public bool IsAlive => !_killed && !_process.HasExited;

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
        var worker = new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException($"cannot start {launchCommand[0]}"));
        worker._process.ErrorDataReceived += (_, e) => worker._stderr.Add(e.Data);
        worker._process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var ready = await worker.ReadLineAsync(timeout.Token);
        if (ready is null || !ready.Contains("\"ready\": true", StringComparison.Ordinal))
        {
            await worker.DisposeAsync();
            throw new InvalidOperationException($"worker did not start: {ready ?? "no ready line"}; stderr: {worker._stderr}");
        }
        return worker;
    }

    public async Task<SandboxOutcome> GradeAsync(WorkerRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Backstop + ReplyGrace);
        try
        {
            await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request).AsMemory(), deadline.Token);
            await _process.StandardInput.FlushAsync(deadline.Token);
            var line = await ReadLineAsync(deadline.Token);
            if (line is null)
            {
                return Die($"worker exited (code {ExitCode()}); stderr: {_stderr}", clock.Elapsed);
            }
            var reply = JsonSerializer.Deserialize<WorkerReply>(line);
            return reply?.Id == request.Id
                ? reply.ToOutcome(clock.Elapsed)
                : Die($"worker answered another request: {Shorten(line)}", clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Die($"worker silent past the backstop ({request.Backstop.TotalSeconds:F0} s + grace)", clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            Die("cancelled mid-sample", clock.Elapsed);
            throw;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return Die($"worker channel broken: {e.Message}; stderr: {_stderr}", clock.Elapsed);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        await _process.StandardOutput.ReadLineAsync(cancellationToken);

    private SandboxOutcome Die(string reason, TimeSpan elapsed)
    {
        Kill();
        return SandboxOutcome.Faulted(reason, elapsed);
    }

    private void Kill()
    {
        _killed = true;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    private string ExitCode() => _process.WaitForExit(TimeSpan.FromSeconds(2)) ? _process.ExitCode.ToString() : "?";

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
