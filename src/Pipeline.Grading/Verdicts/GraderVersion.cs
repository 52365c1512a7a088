using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;

namespace Pipeline.Grading.Verdicts;

/// <summary>
/// Identifies the grader a verdict came from: the harness files and the per-sample limits that can turn a
/// verdict (a memory limit makes a time-out a runtime error). Part of every <see cref="VerdictKey"/>, so changing
/// either leaves every stored verdict unused without anyone flushing the store. The machine's Python is not part
/// of it: an Executor image with another interpreter should get its own Stores:KeyPrefix or ReuseVerdicts=false.
/// </summary>
public sealed record GraderVersion(string Value)
{
    /// <summary>This process's grader; computed once at start.</summary>
    public static GraderVersion Of(SandboxOptions sandbox) => Compute(HarnessFiles.ContentHash, sandbox);

    public static GraderVersion Compute(string harnessHash, SandboxOptions sandbox)
    {
        var limits = string.Join(",", new long[]
        {
            sandbox.MemoryBytes, sandbox.MaxProcesses, sandbox.CpuSeconds, sandbox.FileSizeBytes, sandbox.OpenFiles, sandbox.ScratchBytes,
        }.Select(limit => limit.ToString(CultureInfo.InvariantCulture)));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{harnessHash}\n{limits}"));
        return new GraderVersion(Convert.ToHexStringLower(digest)[..16]);
    }
}
