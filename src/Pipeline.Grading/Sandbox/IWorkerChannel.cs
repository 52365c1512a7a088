namespace Pipeline.Grading.Sandbox;

/// <summary>
/// The byte path to one warm worker: UTF-8 bytes to its stdin, its stdout as lines, and what it said on stderr.
/// Two exist: a local process's pipes (<see cref="ProcessChannel"/>) and a container's hijacked attach.
/// A broken path throws <see cref="IOException"/>.
/// </summary>
public interface IWorkerChannel : IDisposable
{
    /// <summary>Writes the parts in turn and flushes: one request, as <see cref="WorkerRequest.Wire"/> makes it.</summary>
    Task WriteAsync(IReadOnlyList<ReadOnlyMemory<byte>> parts, CancellationToken cancellationToken);

    /// <summary>The next stdout line, or null once the worker's stdout has ended.</summary>
    Task<string?> ReadLineAsync(CancellationToken cancellationToken);

    /// <summary>What explains a dead worker: its last stderr lines and, where known, its exit.</summary>
    string Diagnostics { get; }
}
