using Microsoft.Extensions.Configuration;
using Pipeline.Cli.Evaluation;
using Pipeline.Cli.Runs;
using Pipeline.Contracts;
using Pipeline.Runs;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb eval --extend RUN`: starts a complete run over the new selection with RUN's model and settings, then says how
/// many of its problems RUN already evaluated (their answers and verdicts are reused) and how many are new.
/// </summary>
public static class EvalExtension
{
    /// <param name="Run">the run to extend: its id or an unambiguous start of it.</param>
    /// <param name="BaseUrl">overrides the run's model server (it may have moved); null keeps it.</param>
    /// <param name="ModelServer">the per-run key (required again when the run had one), request timeout and extra body given now.</param>
    public sealed record Request(string Run, DatasetSelection Selection, string? BaseUrl, bool Wait, ModelServerSettings? ModelServer = null);

    /// <summary>How long to wait for Ingest to register the new run before saying so and carrying on.</summary>
    private static readonly TimeSpan RegistrationWait = TimeSpan.FromMinutes(2);

    /// <exception cref="RunNotFoundException">no run, or more than one, matches <see cref="Request.Run"/>; nothing is published.</exception>
    /// <exception cref="RunNotExtendableException">the run does not say how it was started; nothing is published.</exception>
    public static async Task<int> ExecuteAsync(
        Request request, IConfiguration bus, IRunStore runStore, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var earlier = await RunLookup.FindAsync(runStore, request.Run, cancellationToken);
        var start = RunExtension.Extend(earlier, request.Selection, request.BaseUrl, Guid.NewGuid(), request.ModelServer);
        if (await StartPublisher.PublishAsync(start, bus, console, cancellationToken) is { } refused)
        {
            await Console.Error.WriteLineAsync($"error: {StartPublisher.RefusalLine(refused)}");
            return ExitCodes.BadInput;
        }
        console.MarkupLine($"extends run {earlier.RunId} ({Markup.Escape(earlier.Request!.Selection.Release)}, {earlier.Problems.Count} problems)");
        var extended = await WaitForRegistrationAsync(runStore, start.RunId, cancellationToken);
        if (extended is null)
        {
            console.MarkupLine($"[yellow]the new run is not registered after {RegistrationWait.TotalSeconds:F0} s: are Ingest and the Scorer running?[/]");
        }
        else
        {
            var (reused, fresh) = RunExtension.Overlap(earlier, extended);
            console.MarkupLine($"{extended.Problems.Count} problems: {reused} already evaluated by run {earlier.RunId} (answers and verdicts reused), {fresh} new");
        }
        if (!request.Wait)
        {
            console.WriteLine(start.RunId.ToString());
            return 0;
        }
        var exit = await EvalCommand.FollowAsync(runStore, start.RunId, console, cancellationToken);
        var verdicts = await runStore.GetVerdictsAsync(start.RunId, cancellationToken);
        console.MarkupLine($"samples: {verdicts.Count(v => v.Reused)} verdicts reused, {verdicts.Count(v => !v.Reused)} graded");
        return exit;
    }

    private static async Task<RunRegistration?> WaitForRegistrationAsync(IRunStore runStore, Guid runId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + RegistrationWait;
        while (true)
        {
            if (await runStore.GetRunAsync(runId, cancellationToken) is { } registered)
            {
                return registered;
            }
            if (DateTime.UtcNow >= deadline)
            {
                return null;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
