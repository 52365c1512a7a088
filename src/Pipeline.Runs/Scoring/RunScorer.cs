using System.Collections.Concurrent;
using Pipeline.Contracts;
using Pipeline.Runs;

namespace Pipeline.Runs.Scoring;

/// <summary>
/// The Scorer's logic, without a bus: registers runs, records each verdict once, and completes a run exactly
/// once when its last sample is in, whichever of registration and last verdict arrives second.
/// </summary>
public sealed class RunScorer(IRunStore store, TimeProvider clock)
{
    // Registrations never change once stored, so each process may keep them.
    private readonly ConcurrentDictionary<Guid, RunRegistration> _registrations = new();

    /// <returns>The completion event to publish when this registration completed the run, else null.</returns>
    public async Task<EvaluationCompleted?> RegisterAsync(
        EvaluationStarted started, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        RunValidation.Check(started);
        var registration = new RunRegistration
        {
            RunId = started.RunId,
            Model = started.Model,
            Problems = started.Problems,
            SamplesPerProblem = started.SamplesPerProblem,
            Ks = started.Ks,
            StartedAt = startedAt,
            Request = started.Request,
        };
        var graded = await store.RegisterAsync(registration, cancellationToken);
        return await CompleteIfDoneAsync(started.RunId, graded, cancellationToken);
    }

    /// <returns>The completion event to publish when this verdict completed the run, else null.</returns>
    public async Task<EvaluationCompleted?> RecordAsync(SolutionGraded graded, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(graded.RunId, cancellationToken);
        if (run is not null)
        {
            RunValidation.Check(run, graded);
        }
        var outcome = await store.RecordAsync(graded.RunId, SampleVerdict.From(graded), cancellationToken);
        return outcome.Recorded ? await CompleteIfDoneAsync(graded.RunId, outcome.Graded, cancellationToken) : null;
    }

    private async Task<EvaluationCompleted?> CompleteIfDoneAsync(Guid runId, long graded, CancellationToken cancellationToken)
    {
        var run = await FindRunAsync(runId, cancellationToken);
        // Unregistered: registration will look again. Fewer samples than expected: a later verdict will.
        if (run is null || graded < run.TotalSamples)
        {
            return null;
        }
        // The sample total can be reached by verdicts that arrived before registration and are not the run's own.
        var counts = await store.GetCountsAsync(runId, cancellationToken);
        if (!RunScores.IsComplete(run, counts))
        {
            return null;
        }
        var report = RunReport.Build(run, counts, clock.GetUtcNow());
        if (!await store.TryCompleteAsync(report, cancellationToken))
        {
            return null;
        }
        _registrations.TryRemove(runId, out _);
        return new EvaluationCompleted
        {
            RunId = runId,
            Model = run.Model,
            PassAtK = report.Overall.PassAtK,
            Problems = report.Overall.Problems,
            Samples = report.Overall.Samples,
        };
    }

    private async Task<RunRegistration?> FindRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        if (_registrations.TryGetValue(runId, out var cached))
        {
            return cached;
        }
        var run = await store.GetRunAsync(runId, cancellationToken);
        return run is null ? null : _registrations.GetOrAdd(runId, run);
    }
}
