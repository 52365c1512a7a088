using System.Threading.Channels;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// N warm workers for N concurrent samples. Workers start lazily; a dead one is dropped and its slot
/// gets a fresh worker on next use, so one bad sample or crash costs one retry, not the pool.
/// </summary>
public sealed class WorkerPool : IAsyncDisposable
{
    private readonly WarmWorkerStarter _start;
    private readonly Channel<Slot> _slots;
    private readonly List<IWarmWorker> _started = [];
    private readonly int _size;

    public WorkerPool(WarmWorkerStarter start, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _start = start;
        _size = size;
        _slots = Channel.CreateBounded<Slot>(size);
        for (var i = 0; i < size; i++)
        {
            _slots.Writer.TryWrite(new Slot(i, null));
        }
    }

    public async Task<SandboxOutcome> GradeAsync(WorkerRequest request, CancellationToken cancellationToken)
    {
        var slot = await _slots.Reader.ReadAsync(cancellationToken);
        var worker = slot.Worker;
        try
        {
            if (worker is not { IsAlive: true })
            {
                worker = await ReplaceAsync(slot, cancellationToken);
            }
            return await worker.GradeAsync(request, cancellationToken);
        }
        catch (WorkerStartException e)
        {
            return SandboxOutcome.Faulted(e.Message, TimeSpan.Zero, startFailed: true);
        }
        finally
        {
            _slots.Writer.TryWrite(slot with { Worker = worker }); // a dead one is replaced on next use
        }
    }

    /// <summary>Starts the worker of every free slot that has none, all at once; a failed start is left to the slot's next sample.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, _size).Select(async _ =>
        {
            var slot = await _slots.Reader.ReadAsync(cancellationToken);
            var worker = slot.Worker;
            try
            {
                if (worker is not { IsAlive: true })
                {
                    worker = await ReplaceAsync(slot, cancellationToken);
                }
            }
            catch (WorkerStartException)
            {
                // the slot's first sample tries again and reports the fault
            }
            finally
            {
                _slots.Writer.TryWrite(slot with { Worker = worker });
            }
        }));

    public async ValueTask DisposeAsync()
    {
        _slots.Writer.TryComplete();
        IWarmWorker[] started;
        lock (_started)
        {
            started = [.. _started];
        }
        await Task.WhenAll(started.Select(worker => worker.DisposeAsync().AsTask()));
    }

    private async Task<IWarmWorker> ReplaceAsync(Slot slot, CancellationToken cancellationToken)
    {
        if (slot.Worker is { } dead)
        {
            lock (_started)
            {
                _started.Remove(dead);
            }
            await dead.DisposeAsync();
        }
        IWarmWorker fresh;
        try
        {
            fresh = await _start(slot.Index, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new WorkerStartException($"cannot start a worker: {e.Message}");
        }
        lock (_started)
        {
            _started.Add(fresh);
        }
        return fresh;
    }

    /// <summary>A pool place: its index (which the starter maps to the worker's own uid) and its worker, if started.</summary>
    private sealed record Slot(int Index, IWarmWorker? Worker);

    private sealed class WorkerStartException(string message) : Exception(message);
}
