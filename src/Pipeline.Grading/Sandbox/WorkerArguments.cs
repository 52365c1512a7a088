using System.Globalization;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// The command line of the sandboxed warm worker (harness/sandboxed_worker.py, PROTOCOL.md), the same
/// for every backend: only where the harness sits and what wraps the interpreter differ.
/// </summary>
public static class WorkerArguments
{
    public const string EntryScript = "sandboxed_worker.py";

    /// <summary>Suites a worker keeps by hash, so that its next samples of them need not bring them again.</summary>
    public const int HeldSuites = 2;

    /// <param name="ownUid">
    /// whether the worker runs under a uid of its own: RLIMIT_NPROC counts every process of the uid,
    /// so without one the process limit would count the host user's processes too and is left off.
    /// </param>
    public static IReadOnlyList<string> For(SandboxOptions options, string harnessDirectory, string tmpRoot, bool ownUid) =>
    [
        options.Python, Path.Combine(harnessDirectory, EntryScript),
        "--tmp-root", tmpRoot,
        "--file-size-bytes", Invariant(options.FileSizeBytes),
        "--max-processes", Invariant(ownUid ? options.MaxProcesses : 0),
        "--memory-bytes", Invariant(options.MemoryBytes),
        "--cpu-seconds", Invariant(options.CpuSeconds),
        "--scratch-bytes", Invariant(options.ScratchBytes),
        "--open-files", Invariant(options.OpenFiles),
        "--held-suites", Invariant(HeldSuites),
    ];

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
