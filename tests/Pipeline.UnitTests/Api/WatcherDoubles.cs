using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Evaluations;
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

internal static class Watchers
{
    public const string BaseUrl = "http://models.test:8000/v1";

    public static readonly EvaluationTemplate Template = new RunOptions { Release = "release_v6", N = 3, K = [1, 2] }.ToTemplate();

    public static CheckpointWatcher Create(FakeCatalog catalog, IEvaluationLedger ledger, RecordingPublisher publisher, string? match = null) => new(
        new WatchSettings { BaseUrl = BaseUrl, Interval = TimeSpan.FromMilliseconds(10), Match = WatchSettings.Pattern(match), Template = Template },
        catalog,
        new EvaluationLauncher(ledger, publisher, TimeProvider.System),
        TimeProvider.System,
        NullLogger<CheckpointWatcher>.Instance);
}
