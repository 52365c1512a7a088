using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Evaluations;
using Pipeline.Evaluations.Checks;
using Pipeline.Evaluations.Watching;
using Pipeline.Contracts;

namespace Pipeline.UnitTests.Api;

/// <summary>A model server whose list the test sets, and which can be made to fail.</summary>
internal sealed class FakeCatalog : IModelCatalog
{
    public List<string> Models { get; } = [];
    public Exception? Failure { get; set; }

    public Task<IReadOnlyList<string>> ListAsync(string baseUrl, CancellationToken cancellationToken) =>
        Failure is { } failure ? Task.FromException<IReadOnlyList<string>>(failure) : Task.FromResult<IReadOnlyList<string>>([.. Models]);
}

/// <summary>Collects what would be published on the bus; the next N publishes can be made to fail.</summary>
internal sealed class RecordingPublisher : IStartPublisher
{
    public ConcurrentQueue<StartEvaluation> Published { get; } = new();
    public int FailuresLeft { get; set; }

    public Task PublishAsync(StartEvaluation start, CancellationToken cancellationToken)
    {
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            return Task.FromException(new InvalidOperationException("broker unreachable"));
        }
        Published.Enqueue(start);
        return Task.CompletedTask;
    }
}

/// <summary>Ingest's answer to the selection check, as the test sets it (null: Ingest silent); counts the questions.</summary>
internal sealed class FakeSelections : ISelectionChecker
{
    public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();
    public bool Silent { get; set; }
    public int Asked { get; private set; }

    public Task<SelectionChecked?> CheckAsync(CheckSelection request, CancellationToken cancellationToken)
    {
        Asked++;
        return Task.FromResult(Silent ? null : new SelectionChecked { Problems = Errors.Count == 0 ? 1 : 0, Errors = Errors });
    }
}

internal static class Watchers
{
    public const string BaseUrl = "http://models.test:8000/v1";

    public static readonly EvaluationTemplate Template = new RunOptions { Release = "release_v6", N = 3, K = [1, 2] }.ToTemplate();

    public static CheckpointWatcher Create(
        FakeCatalog catalog, IEvaluationLedger ledger, RecordingPublisher publisher, string? match = null, FakeSelections? selections = null) => new(
        new WatchSettings { BaseUrl = BaseUrl, Interval = TimeSpan.FromMilliseconds(10), Match = WatchSettings.Pattern(match), Template = Template },
        catalog,
        selections ?? new FakeSelections(),
        new EvaluationLauncher(ledger, publisher, TimeProvider.System),
        TimeProvider.System,
        NullLogger<CheckpointWatcher>.Instance);
}
