using Microsoft.Extensions.Logging;
using Pipeline.Evaluations;
using Pipeline.Contracts;
using Pipeline.Evaluations.Checks;

namespace Pipeline.Evaluations.Watching;

/// <summary>
/// Polls the model server's model list and starts one evaluation for every wanted model id that has none yet.
/// The claim in the ledger decides "has none yet", so restarts and other watchers never start a model twice.
/// A server that is down, or a run that cannot be started, is reported and tried again next poll. Nothing is started until
/// Ingest has accepted the selection once (asked again each poll while it refuses); a silent Ingest does not hold runs back.
/// </summary>
public sealed class CheckpointWatcher(
    WatchSettings settings, IModelCatalog catalog, ISelectionChecker selections, EvaluationLauncher launcher, TimeProvider clock,
    ILogger<CheckpointWatcher> logger)
{
    public const string Source = "watch";

    private bool _selectionAccepted;

    /// <summary>Ingest's objections to the watcher's selection by request field, or null when it has none (or did not answer).</summary>
    public async Task<IReadOnlyDictionary<string, string>?> SelectionRefusalAsync(CancellationToken cancellationToken)
    {
        if (_selectionAccepted)
        {
            return null;
        }
        var answer = await selections.CheckAsync(settings.Template.SelectionCheck, cancellationToken);
        if (answer is null)
        {
            logger.LogWarning("Ingest did not answer: the selection is not checked before starting runs (Ingest checks each when it starts)");
            return null;
        }
        if (answer.Errors.Count > 0)
        {
            return answer.Errors;
        }
        _selectionAccepted = true;
        return null;
    }

    public async Task<PollOutcome> PollOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> models;
        try
        {
            models = await catalog.ListAsync(settings.BaseUrl, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Model server {BaseUrl} did not list its models, trying again in {Interval}: {Error}", settings.BaseUrl, settings.Interval, error.Message);
            return new PollOutcome { Problems = [$"{settings.BaseUrl}: models not listed ({error.Message})"] };
        }
        var wanted = models.Where(settings.Wants).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count > 0 && await SelectionRefusalAsync(cancellationToken) is { } refused)
        {
            var problem = $"Ingest refuses the selection: {string.Join("; ", refused.Select(e => $"{e.Key}: {e.Value}"))}";
            logger.LogError("No run started for {Models}: {Problem}", string.Join(", ", wanted), problem);
            return new PollOutcome { Problems = [problem] };
        }
        var started = new List<StartEvaluation>();
        var problems = new List<string>();
        foreach (var model in wanted)
        {
            var start = settings.Template.For(model, settings.BaseUrl);
            try
            {
                var result = await launcher.LaunchAsync(start, Source, claim: true, cancellationToken);
                if (result.Started)
                {
                    logger.LogInformation("New checkpoint {Model} at {BaseUrl}: started run {RunId}", model, settings.BaseUrl, start.RunId);
                    started.Add(start);
                }
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not start a run for {Model}, trying again in {Interval}: {Error}", model, settings.Interval, error.Message);
                problems.Add($"{model}: not started ({error.Message})");
            }
        }
        return new PollOutcome { Started = started, Problems = problems };
    }

    /// <summary>Polls every interval until cancelled, handing each outcome to <paramref name="report"/>.</summary>
    public async Task RunAsync(Func<PollOutcome, Task> report, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await report(await PollOnceAsync(cancellationToken));
            await Task.Delay(settings.Interval, clock, cancellationToken);
        }
    }
}
