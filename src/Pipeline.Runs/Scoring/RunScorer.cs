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
    public Task<EvaluationCompleted?> RecordAsync(SolutionGraded graded, CancellationToken cancellationToken = default) =>
        RecordAsync(new SolutionsGraded { RunId = graded.RunId, ProblemId = graded.ProblemId, Verdicts = [graded] }, cancellationToken);

    /// <summary>
    /// Records a message's verdicts together (one pipelined round of Redis calls). All are checked before any is
    /// recorded, so a message that does not fit its run is parked whole and leaves nothing behind.
    /// </summary>
    /// <returns>The completion event to publish when these verdicts completed the run, else null.</returns>
    public async Task<EvaluationCompleted?> RecordAsync(SolutionsGraded message, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(message.RunId, cancellationToken);
        foreach (var graded in message.Verdicts)
        {
            if (graded.RunId != message.RunId)
            {
                throw new InvalidDataException($"run {message.RunId}: the message carries a verdict of run {graded.RunId}");
            }
            if (run is not null)
            {
                RunValidation.Check(run, graded);
            }
        }
        var outcomes = await Task.WhenAll(message.Verdicts.Select(
            graded => store.RecordAsync(message.RunId, SampleVerdict.From(graded), cancellationToken)));
        // Each record is atomic in the store, so the largest count any of them saw is the count after all of them.
        var recorded = outcomes.Where(outcome => outcome.Recorded).ToList();
        return recorded.Count == 0 ? null : await CompleteIfDoneAsync(message.RunId, recorded.Max(outcome => outcome.Graded), cancellationToken);
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
