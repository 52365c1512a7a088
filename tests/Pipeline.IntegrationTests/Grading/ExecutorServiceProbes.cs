using System.Collections.Concurrent;
using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.IntegrationTests.Grading;

/// <summary>What the Executor published during a test, filtered by run id (other tests share the broker).</summary>
public sealed class Inbox
{
    private readonly ConcurrentDictionary<(Guid, int), TaskCompletionSource<SolutionGraded>> _graded = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<Fault<SolutionsGenerated>>> _faults = new();

    public void Add(SolutionsGraded graded)
    {
        foreach (var verdict in graded.Verdicts)
        {
            Graded(verdict.RunId, verdict.SampleIndex).TrySetResult(verdict);
        }
    }

    public void Add(Fault<SolutionsGenerated> fault) => Fault(fault.Message.RunId).TrySetResult(fault);

    public Task<SolutionGraded> GradedAsync(Guid runId, int sample) => Graded(runId, sample).Task.WaitAsync(TimeSpan.FromSeconds(60));

    public Task<Fault<SolutionsGenerated>> FaultAsync(Guid runId) => Fault(runId).Task.WaitAsync(TimeSpan.FromSeconds(60));

    public bool AnyGraded(Guid runId) => _graded.Any(g => g.Key.Item1 == runId && g.Value.Task.IsCompleted);

    private TaskCompletionSource<SolutionGraded> Graded(Guid runId, int sample) =>
        _graded.GetOrAdd((runId, sample), _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource<Fault<SolutionsGenerated>> Fault(Guid runId) =>
        _faults.GetOrAdd(runId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}

public sealed class InboxConsumer(Inbox inbox) : IConsumer<SolutionsGraded>, IConsumer<Fault<SolutionsGenerated>>
{
    public Task Consume(ConsumeContext<SolutionsGraded> context)
    {
        inbox.Add(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<Fault<SolutionsGenerated>> context)
    {
        inbox.Add(context.Message);
        return Task.CompletedTask;
    }
}
