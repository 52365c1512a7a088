using Pipeline.Grading.Sandbox;

namespace Pipeline.UnitTests.Verdicts;

/// <summary>A sandbox that answers <see cref="Next"/> without running anything, and counts how often it was asked.</summary>
internal sealed class CountingSandbox : ISandbox
{
    private int _calls;

    public SandboxOutcome Next { get; set; } = new() { Results = [1] };

    /// <summary>When set, the outcome of each request (by its code); otherwise <see cref="Next"/>.</summary>
    public Func<SandboxRequest, SandboxOutcome>? Answer { get; init; }

    public int Calls => Volatile.Read(ref _calls);

    public Task<SandboxOutcome> GradeAsync(SandboxRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(Answer?.Invoke(request) ?? Next);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
