using Pipeline.Grading.Sandbox;

namespace Pipeline.UnitTests.Verdicts;

/// <summary>A sandbox that answers <see cref="Next"/> without running anything, and counts how often it was asked.</summary>
internal sealed class CountingSandbox : ISandbox
{
    public SandboxOutcome Next { get; set; } = new() { Results = [1] };

    public int Calls { get; private set; }

    public Task<SandboxOutcome> GradeAsync(SandboxRequest request, CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(Next);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
