using System.Diagnostics;
using System.Text.Json;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// The warm worker protocol (harness/PROTOCOL.md), written once for every backend: wait for the ready
/// line, then one request and one reply line per sample, the reply carrying the request's id and
/// arriving within the sample's backstop plus a grace. A suite goes to the worker once: later requests name
/// it by hash while the worker holds it (the last <see cref="WorkerArguments.HeldSuites"/> it was sent), and
/// a worker that answers that it lacks one gets the request again with the suite. Any break (EOF, silence, a bad or foreign line,
/// a broken channel) is a fault of ours and marks the conversation broken: its worker must be replaced.
/// </summary>
public sealed class WorkerConversation(IWorkerChannel channel, string workerName)
{
    /// <summary>Time beyond the sample's own backstop for the worker to kill its child and answer.</summary>
    private static readonly TimeSpan ReplyGrace = TimeSpan.FromSeconds(10);

    private readonly LinkedList<string> _heldSuites = new();

    public bool IsBroken { get; private set; }

    /// <exception cref="InvalidOperationException">no ready line within the timeout.</exception>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string? ready;
        try
        {
            ready = await channel.ReadLineAsync(deadline.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            ready = $"({e.Message})";
        }
        if (ready is null || !ready.Contains("\"ready\": true", StringComparison.Ordinal))
        {
            IsBroken = true;
            throw new InvalidOperationException($"{workerName} did not start: {ready ?? "no ready line"}; {channel.Diagnostics}");
        }
    }

    public async Task<SandboxOutcome> GradeAsync(WorkerRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Backstop + ReplyGrace);
        try
        {
            var withSuite = !Holds(request.SuiteHash);
            while (true)
            {
                await channel.WriteAsync(request.Wire(withSuite), deadline.Token);
                var line = await channel.ReadLineAsync(deadline.Token);
                if (line is null)
                {
                    return Break($"{workerName} exited; {channel.Diagnostics}", clock.Elapsed);
                }
                var reply = JsonSerializer.Deserialize<WorkerReply>(line);
                if (reply?.Id != request.Id || (reply.NeedSuite && withSuite))
                {
                    return Break($"{workerName} answered another request: {Shorten(line)}", clock.Elapsed);
                }
                if (!reply.NeedSuite)
                {
                    Held(request.SuiteHash);
                    return reply.ToOutcome(clock.Elapsed);
                }
                withSuite = true;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Break($"{workerName} silent past the backstop ({request.Backstop.TotalSeconds:F0} s + grace); {channel.Diagnostics}", clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            IsBroken = true; // cancelled mid-sample: the worker may still answer this request later
            throw;
        }
        catch (Exception e) when (e is IOException or JsonException or ObjectDisposedException)
        {
            return Break($"{workerName} channel broken: {e.Message}; {channel.Diagnostics}", clock.Elapsed);
        }
    }

    private bool Holds(string suiteHash) => _heldSuites.Contains(suiteHash);

    /// <summary>The worker's own bookkeeping, mirrored: the suite just used is its most recent, the oldest beyond capacity gone.</summary>
    private void Held(string suiteHash)
    {
        _heldSuites.Remove(suiteHash);
        _heldSuites.AddFirst(suiteHash);
        while (_heldSuites.Count > WorkerArguments.HeldSuites)
        {
            _heldSuites.RemoveLast();
        }
    }

    private SandboxOutcome Break(string reason, TimeSpan elapsed)
    {
        IsBroken = true;
        return SandboxOutcome.Faulted(reason, elapsed);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
