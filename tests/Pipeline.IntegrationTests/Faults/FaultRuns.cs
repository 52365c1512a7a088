using Pipeline.Contracts;

namespace Pipeline.IntegrationTests.Faults;

/// <summary>What every fault test evaluates: the first 60 bundled problems, enough to be mid-run when the fault strikes, quick to grade.</summary>
internal static class FaultRuns
{
    public static DatasetSelection Selection { get; } = new() { Release = "release_latest", Limit = 60 };

    /// <summary>Faults strike once this many samples are graded: the run is under way, most of it still to come.</summary>
    public const int StrikeAfterGraded = 10;
}
