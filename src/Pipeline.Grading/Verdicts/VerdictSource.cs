using Pipeline.Grading;

namespace Pipeline.Grading.Verdicts;

/// <summary>
/// A sample's verdict: the stored one when the same code was already graded on the same suite by the same grader
/// with the same timeout, else a fresh grade, which is then stored (or the one another Executor stored first). With reuse off it always grades and stores nothing.
/// A fault of ours throws from the grader before anything is stored, and an error verdict (grading faulted on every
/// attempt) is returned but not stored, so the store only ever holds the harness's verdicts.
/// </summary>
public sealed class VerdictSource(SuiteCache suites, SampleGrader grader, IVerdictStore store, GraderVersion version, bool reuse)
{
    public sealed record Verdict(StoredVerdict Graded, bool Reused);

    /// <exception cref="SandboxFaultException">no sandbox worker could be started.</exception>
    /// <exception cref="SuiteNotFoundException">the suite is not in the suite store.</exception>
    public async Task<Verdict> GetAsync(string suiteHash, string code, double timeoutSeconds, CancellationToken cancellationToken)
    {
        var key = VerdictKey.For(suiteHash, code, version.Value, timeoutSeconds);
        if (reuse && await store.GetAsync(key, cancellationToken) is { } stored)
        {
            return new Verdict(stored, Reused: true);
        }
        var suite = await suites.GetAsync(suiteHash, cancellationToken);
        var outcome = await grader.GradeAsync(code, suite, timeoutSeconds, cancellationToken);
        var graded = new StoredVerdict
        {
            Results = outcome.Results,
            Passed = outcome.Passed,
            MetadataJson = outcome.MetadataJson,
            GradingMs = outcome.Elapsed.TotalMilliseconds,
        };
        if (reuse && !outcome.GradingFailed)
        {
            // Another Executor may have stored its verdict of this code first (a redelivered sample): publish the one
            // kept, which is what a later run reuses.
            var kept = await store.PutAsync(key, graded, cancellationToken);
            return new Verdict(kept, Reused: !ReferenceEquals(kept, graded));
        }
        return new Verdict(graded, Reused: false);
    }
}
