using System.Text.Json;
using Pipeline.Core;
using Pipeline.Core.Problems;
using Pipeline.Grading.Sandbox;

namespace Pipeline.Grading;

/// <summary>
/// Grades one sample through a sandbox and returns the official verdict. A fault of ours (the worker
/// died, the sandbox would not start) is retried on a fresh worker a few times. When no worker could be
/// started, it throws: the sample is not to blame and must be graded later. When grading this very sample
/// faulted a running worker on every attempt, the sample gets an error verdict (failed, the official
/// "TestRunnerError" shape, never stored for reuse) and the run goes on (docs/decisions/016).
/// </summary>
public sealed class SampleGrader(ISandbox sandbox, int attempts = 3)
{
    public const double DefaultTimeoutSeconds = RunDefaults.TimeoutSeconds;

    /// <exception cref="SandboxFaultException">an attempt found no worker able to start.</exception>
    public async Task<SandboxOutcome> GradeAsync(string code, TestSuite suite, double timeoutSeconds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var request = new SandboxRequest(code, suite, timeoutSeconds);
        var faults = new List<SandboxOutcome>();
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var outcome = await sandbox.GradeAsync(request, cancellationToken);
            if (!outcome.IsFault)
            {
                return outcome;
            }
            faults.Add(outcome);
        }
        var reasons = string.Join(" / ", faults.Select(f => f.Fault));
        if (faults.Any(f => f.StartFailed))
        {
            throw new SandboxFaultException($"sandbox fault after {attempts} attempt(s): {reasons}");
        }
        return ErrorVerdict($"grading faulted on {attempts} attempt(s): {reasons}", faults.Last().Elapsed);
    }

    /// <summary>What the official runner records when its own test framework raises: results [-2], error code -5.</summary>
    public static SandboxOutcome ErrorVerdict(string reason, TimeSpan elapsed) => new()
    {
        Results = [-2],
        MetadataJson = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["error"] = reason,
            ["error_code"] = -5,
            ["error_message"] = "TestRunnerError",
        }),
        Elapsed = elapsed,
        GradingFailed = true,
    };
}

/// <summary>The sandbox failed for a reason of ours: the sample must be retried, never scored.</summary>
public sealed class SandboxFaultException(string message) : Exception(message);
