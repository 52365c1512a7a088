using Microsoft.Extensions.Configuration;
using Pipeline.Cli.Commands;
using Pipeline.Contracts;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Pipeline.Runs.Views;
using Pipeline.UnitTests.Scoring;
using Spectre.Console;
using StackExchange.Redis;

namespace Pipeline.UnitTests.Cli;

/// <summary>`lcb eval --wait` while the run store goes away for a moment (a Redis restart): it waits, it does not fail.</summary>
public sealed class EvalWaitTests
{
    [Fact]
    public async Task Waiting_for_a_run_rides_out_run_store_errors_and_prints_the_results()
    {
        var store = new InMemoryRunStore();
        var runId = Guid.NewGuid();
        var scorer = new RunScorer(store, TimeProvider.System);
        await scorer.RegisterAsync(ScorerFixtures.Started(runId, 1, 1), DateTimeOffset.UtcNow);
        foreach (var graded in ScorerFixtures.AllGraded(runId, 1, (id, _) => id == "p-easy"))
        {
            await scorer.RecordAsync(graded);
        }
        var flaky = new UnreachableAtFirst(store, failures: 3);
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        // No Ingest on this bus: its selection check is given up on quickly, as when Ingest is down.
        var bus = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "InMemory", ["StartChecks:IngestTimeoutSeconds"] = "1",
        }).Build();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var exitCode = await EvalCommand.ExecuteAsync(new StartEvaluation
        {
            RunId = runId, Model = "m", BaseUrl = "http://127.0.0.1:1/v1", Selection = new DatasetSelection { Release = "release_latest" },
        }, bus, flaky, console, limit.Token);

        Assert.Equal(0, exitCode);
        Assert.Equal(3, flaky.Thrown);
        Assert.Contains("33.3", output.ToString());
    }

    /// <summary>The store as seen through a Redis that refuses the first reads of a run, then is back.</summary>
    private sealed class UnreachableAtFirst(IRunStore inner, int failures) : IRunStore
    {
        public int Thrown { get; private set; }

        public Task<RunRegistration?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default)
        {
            if (Thrown < failures)
            {
                Thrown++;
                throw new RedisConnectionException(ConnectionFailureType.SocketClosed, CommandFlags.None, "Redis is restarting");
            }
            return inner.GetRunAsync(runId, cancellationToken);
        }

        public Task<long> RegisterAsync(RunRegistration run, CancellationToken cancellationToken = default) => inner.RegisterAsync(run, cancellationToken);
        public Task<IReadOnlyList<RunRegistration>> ListRunsAsync(CancellationToken cancellationToken = default) => inner.ListRunsAsync(cancellationToken);
        public Task<RecordOutcome> RecordAsync(Guid runId, SampleVerdict verdict, CancellationToken cancellationToken = default) => inner.RecordAsync(runId, verdict, cancellationToken);
        public Task<IReadOnlyDictionary<string, ProblemCounts>> GetCountsAsync(Guid runId, CancellationToken cancellationToken = default) => inner.GetCountsAsync(runId, cancellationToken);
        public Task<IReadOnlyList<SampleVerdict>> GetVerdictsAsync(Guid runId, CancellationToken cancellationToken = default) => inner.GetVerdictsAsync(runId, cancellationToken);
        public Task<GenerationStatistics> GetGenerationStatisticsAsync(Guid runId, CancellationToken cancellationToken = default) => inner.GetGenerationStatisticsAsync(runId, cancellationToken);
        public Task<IReadOnlyList<SampleVerdict>> GetProblemVerdictsAsync(Guid runId, string problemId, int samplesPerProblem, CancellationToken cancellationToken = default) =>
            inner.GetProblemVerdictsAsync(runId, problemId, samplesPerProblem, cancellationToken);
        public Task<bool> TryCompleteAsync(RunReport report, CancellationToken cancellationToken = default) => inner.TryCompleteAsync(report, cancellationToken);
        public Task<RunReport?> GetReportAsync(Guid runId, CancellationToken cancellationToken = default) => inner.GetReportAsync(runId, cancellationToken);
        public Task RecordParkedAsync(Guid runId, ParkedWork parked, CancellationToken cancellationToken = default) => inner.RecordParkedAsync(runId, parked, cancellationToken);
        public Task<IReadOnlyList<ParkedWork>> GetParkedAsync(Guid runId, CancellationToken cancellationToken = default) => inner.GetParkedAsync(runId, cancellationToken);
        public Task RecordFailedStartAsync(FailedStart failed, CancellationToken cancellationToken = default) => inner.RecordFailedStartAsync(failed, cancellationToken);
        public Task<FailedStart?> GetFailedStartAsync(Guid runId, CancellationToken cancellationToken = default) => inner.GetFailedStartAsync(runId, cancellationToken);
    }
}
