using Pipeline.Runs.Scoring;
using Pipeline.Runs.Views;

namespace Pipeline.Runs;

/// <summary>
/// Run state: registrations, verdicts recorded once per (problem, sample), per-problem counts, generation totals and
/// the final report. Every write is atomic, so concurrent consumers and Scorer instances never double count.
/// </summary>
public interface IRunStore
{
    /// <summary>Stores the registration unless the run is already registered.</summary>
    /// <returns>How many distinct samples the run holds, including those that arrived before it was registered.</returns>
    Task<long> RegisterAsync(RunRegistration run, CancellationToken cancellationToken = default);

    Task<RunRegistration?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>Every registered run, oldest first.</summary>
    Task<IReadOnlyList<RunRegistration>> ListRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>Records the verdict and updates its problem's counts, unless this sample is already recorded.</summary>
    Task<RecordOutcome> RecordAsync(Guid runId, SampleVerdict verdict, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, ProblemCounts>> GetCountsAsync(Guid runId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SampleVerdict>> GetVerdictsAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The run's generation statistics from totals kept as verdicts are recorded; a run recorded before the totals were
    /// kept is read from its samples (once: the totals are stored then).
    /// </summary>
    Task<GenerationStatistics> GetGenerationStatisticsAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>One problem's recorded samples, by index, read without loading the rest of the run (the dashboard's sample view).</summary>
    Task<IReadOnlyList<SampleVerdict>> GetProblemVerdictsAsync(Guid runId, string problemId, int samplesPerProblem, CancellationToken cancellationToken = default);

    /// <summary>Stores the final report unless one is stored: true for exactly one caller per run.</summary>
    Task<bool> TryCompleteAsync(RunReport report, CancellationToken cancellationToken = default);

    Task<RunReport?> GetReportAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>Records work parked for good; a later verdict of that problem (or sample) removes it.</summary>
    Task RecordParkedAsync(Guid runId, ParkedWork parked, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ParkedWork>> GetParkedAsync(Guid runId, CancellationToken cancellationToken = default);

    Task RecordFailedStartAsync(FailedStart failed, CancellationToken cancellationToken = default);

    Task<FailedStart?> GetFailedStartAsync(Guid runId, CancellationToken cancellationToken = default);
}
