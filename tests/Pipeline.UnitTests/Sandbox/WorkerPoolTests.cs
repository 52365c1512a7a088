using Pipeline.Grading;
using Pipeline.Grading.Sandbox;

namespace Pipeline.UnitTests.Sandbox;

/// <summary>The pool over in-memory workers: a worker that died is replaced in the same slot on next use.</summary>
public sealed class WorkerPoolTests
{
    private static readonly WorkerRequest Request = new() { Id = "r", Code = "", Tests = [], TimeoutSeconds = 6 };

    [Fact]
    public async Task A_dead_worker_is_replaced_in_its_slot_and_the_next_sample_is_graded()
    {
        var started = new List<(int Slot, FakeWorker Worker)>();
        await using var pool = new WorkerPool((slot, _) =>
        {
            var worker = new FakeWorker(dies: started.Count == 0);
            started.Add((slot, worker));
            return Task.FromResult<IWarmWorker>(worker);
        }, size: 1);

        var first = await pool.GradeAsync(Request, CancellationToken.None);
        var second = await pool.GradeAsync(Request, CancellationToken.None);

        Assert.True(first.IsFault);
        Assert.True(second.Passed);
        Assert.Equal([0, 0], started.Select(s => s.Slot));
        Assert.True(started[0].Worker.Disposed);
    }

    [Fact]
    public async Task A_worker_that_cannot_start_is_a_fault_not_an_exception()
    {
        await using var pool = new WorkerPool((_, _) => throw new InvalidOperationException("no bwrap"), size: 1);

        var outcome = await pool.GradeAsync(Request, CancellationToken.None);

        Assert.Contains("no bwrap", outcome.Fault);
    }

    private sealed class FakeWorker(bool dies) : IWarmWorker
    {
        public bool IsAlive { get; private set; } = true;

        public bool Disposed { get; private set; }

        public Task<SandboxOutcome> GradeAsync(WorkerRequest request, CancellationToken cancellationToken)
        {
            IsAlive = !dies;
            return Task.FromResult(dies ? SandboxOutcome.Faulted("worker died", TimeSpan.Zero) : new SandboxOutcome { Results = [1] });
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
