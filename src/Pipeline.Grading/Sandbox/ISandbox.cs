using Pipeline.Core.Problems;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// Grades one sample in isolation: the harness runs the code against the suite inside a sandbox and
/// reports the official per-test results and metadata. Backends: process (bubblewrap) and docker.
/// </summary>
public interface ISandbox : IAsyncDisposable
{
    Task<SandboxOutcome> GradeAsync(SandboxRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts every worker now rather than on first use, so that a caller with other work to do first (reading
    /// a dataset) pays for neither in turn. A worker that will not start is left for the first sample to report.
    /// </summary>
    Task WarmUpAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>One sample to grade: its code, its suite and the per-test timeout in seconds.</summary>
public sealed record SandboxRequest(string Code, TestSuite Suite, double TimeoutSeconds);
