using Pipeline.Core.Problems;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// Grades one sample in isolation: the harness runs the code against the suite inside a sandbox and
/// reports the official per-test results and metadata. Backends: process (bubblewrap) and docker.
/// </summary>
public interface ISandbox : IAsyncDisposable
{
    Task<SandboxOutcome> GradeAsync(SandboxRequest request, CancellationToken cancellationToken = default);
}

/// <summary>One sample to grade: its code, its suite and the per-test timeout in seconds.</summary>
public sealed record SandboxRequest(string Code, TestSuite Suite, double TimeoutSeconds);
