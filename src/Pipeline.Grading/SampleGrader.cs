using Pipeline.Core.Problems;
using Pipeline.Grading.Sandbox;

namespace Pipeline.Grading;

/// <summary>
/// Grades one sample through a sandbox and returns the official verdict. A fault of ours (the worker
/// died, the sandbox would not start) is retried on a fresh worker a few times, then thrown: a fault
/// is never a verdict.
/// </summary>
public sealed class SampleGrader(ISandbox sandbox, int attempts = 3)
{
    public const double DefaultTimeoutSeconds = 6;

    /// <exception cref="SandboxFaultException">every attempt ended in a fault of ours.</exception>
    public async Task<SandboxOutcome> GradeAsync(string code, TestSuite suite, double timeoutSeconds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var request = new SandboxRequest(code, suite, timeoutSeconds);
        var faults = new List<string>();
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var outcome = await sandbox.GradeAsync(request, cancellationToken);
            if (!outcome.IsFault)
            {
                return outcome;
            }
            faults.Add(outcome.Fault!);
        }
        throw new SandboxFaultException($"sandbox fault after {attempts} attempt(s): {string.Join(" / ", faults)}");
    }
}

/// <summary>The sandbox failed for a reason of ours: the sample must be retried, never scored.</summary>
public sealed class SandboxFaultException(string message) : Exception(message);
