using System.Diagnostics;
using Pipeline.Runs;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>
/// Samples a run's graded count about five times a second while it runs, so a fault test can say when progress
/// stopped and resumed. Reads that fail (Redis down) are recorded as gaps, not errors.
/// </summary>
public sealed class RunTrace
{
    private readonly List<(TimeSpan At, long Graded)> _points = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Now => _clock.Elapsed;

    public long LastGraded
    {
        get
        {
            lock (_points)
            {
                return _points.Count == 0 ? 0 : _points[^1].Graded;
            }
        }
    }

    public async Task FollowAsync(IRunStore store, Guid runId, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var graded = (await store.GetCountsAsync(runId, cancellationToken)).Values.Sum(c => (long)c.Samples);
                lock (_points)
                {
                    _points.Add((_clock.Elapsed, graded));
                }
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
            {
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    /// <summary>Until the graded count reaches <paramref name="graded"/>.</summary>
    public async Task WaitForGradedAsync(long graded, CancellationToken cancellationToken)
    {
        while (LastGraded < graded)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>From <paramref name="faultEnded"/> to the first sample graded after it (null: none was).</summary>
    public TimeSpan? TimeToResume(TimeSpan faultEnded)
    {
        lock (_points)
        {
            var before = _points.LastOrDefault(p => p.At <= faultEnded).Graded;
            var resumed = _points.FirstOrDefault(p => p.At > faultEnded && p.Graded > before);
            return resumed == default ? null : resumed.At - faultEnded;
        }
    }
}
