namespace Pipeline.Grading;

/// <summary>
/// The byte path to one warm worker: its stdin and stdout as UTF-8 lines, and what it said on stderr.
/// Two exist: a local process's pipes (<see cref="ProcessChannel"/>) and a container's hijacked attach.
/// A broken path throws <see cref="IOException"/>.
/// </summary>
public interface IWorkerChannel : IDisposable
{
    Task WriteLineAsync(string line, CancellationToken cancellationToken);

    /// <summary>The next stdout line, or null once the worker's stdout has ended.</summary>
    Task<string?> ReadLineAsync(CancellationToken cancellationToken);

    /// <summary>What explains a dead worker: its last stderr lines and, where known, its exit.</summary>
    string Diagnostics { get; }
}
