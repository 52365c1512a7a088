namespace Pipeline.Grading.Sandbox;

/// <summary>A local worker process's stdin and stdout as the worker channel; its stderr kept for diagnostics.</summary>
public sealed class ProcessChannel : IWorkerChannel
{
    private readonly System.Diagnostics.Process _process;
    private readonly StderrTail _stderr = new();

    public ProcessChannel(System.Diagnostics.Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => _stderr.Add(e.Data);
        _process.BeginErrorReadLine();
    }

    public string Diagnostics => $"exit code {ExitCode()}; stderr: {_stderr}";

    public async Task WriteAsync(IReadOnlyList<ReadOnlyMemory<byte>> parts, CancellationToken cancellationToken)
    {
        var stdin = _process.StandardInput.BaseStream; // bytes as they are: no UTF-16 copy of a suite
        foreach (var part in parts)
        {
            await stdin.WriteAsync(part, cancellationToken);
        }
        await stdin.FlushAsync(cancellationToken);
    }

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        await _process.StandardOutput.ReadLineAsync(cancellationToken);

    /// <summary>Closes the worker's input: a worker reading its next request takes the end as the order to stop.</summary>
    public void EndInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // the pipe already broke: the worker is gone or going
        }
    }

    public void Dispose() => _process.Dispose();

    /// <summary>A worker whose stdout just ended is usually a moment from exiting: wait that moment.</summary>
    private string ExitCode() => _process.WaitForExit(TimeSpan.FromMilliseconds(500)) ? _process.ExitCode.ToString() : "none yet";
}
