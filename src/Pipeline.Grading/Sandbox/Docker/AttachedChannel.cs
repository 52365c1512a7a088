using System.IO.Pipelines;
using System.Text;
using Docker.DotNet;

namespace Pipeline.Grading.Sandbox.Docker;

/// <summary>
/// The worker's stdin and stdout over a hijacked docker attach: lines written go to stdin, stdout
/// frames are demultiplexed into a line reader, stderr frames are kept for diagnostics.
/// </summary>
internal sealed class AttachedChannel : IWorkerChannel
{
    private readonly MultiplexedStream _stream;
    private readonly Pipe _stdout = new();
    private readonly StreamReader _lines;
    private readonly StringBuilder _stderr = new();
    private readonly Task _pump;

    public AttachedChannel(MultiplexedStream stream)
    {
        _stream = stream;
        _lines = new StreamReader(_stdout.Reader.AsStream(), new UTF8Encoding(false));
        _pump = Task.Run(PumpAsync);
    }

    public string Diagnostics
    {
        get
        {
            lock (_stderr)
            {
                return $"stderr: {(_stderr.Length == 0 ? "(empty)" : _stderr.ToString())}";
            }
        }
    }

    public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        try
        {
            await _stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken);
        }
        catch (DockerApiException e)
        {
            throw new IOException(e.Message, e);
        }
    }

    /// <summary>The next stdout line, or null once the worker's stdout has ended.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        await _lines.ReadLineAsync(cancellationToken);

    public void Dispose()
    {
        _stream.Dispose();
        _pump.Wait(TimeSpan.FromSeconds(5));
        _lines.Dispose();
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await _stream.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None);
                if (read.EOF)
                {
                    break;
                }
                if (read.Target == MultiplexedStream.TargetStream.StandardOut)
                {
                    await _stdout.Writer.WriteAsync(buffer.AsMemory(0, read.Count));
                }
                else
                {
                    KeepStderr(Encoding.UTF8.GetString(buffer, 0, read.Count));
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            KeepStderr($"[attach closed: {e.Message}]");
        }
        finally
        {
            await _stdout.Writer.CompleteAsync();
        }
    }

    private void KeepStderr(string text)
    {
        const int keep = 4000;
        lock (_stderr)
        {
            _stderr.Append(text);
            if (_stderr.Length > keep)
            {
                _stderr.Remove(0, _stderr.Length - keep);
            }
        }
    }
}
