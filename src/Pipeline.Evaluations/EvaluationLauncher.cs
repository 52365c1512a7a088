using Pipeline.Contracts;
using Pipeline.Core.Scenarios;
using Pipeline.Generation.ModelClient;

namespace Pipeline.Evaluations;

/// <summary>What starting an evaluation gave: the run that evaluates the checkpoint, and whether this call started it.</summary>
public sealed record LaunchResult(Guid RunId, bool Started);

/// <summary>
/// Starts evaluations for the API and the watcher: records (and, for a checkpoint, claims) the run first, then
/// publishes StartEvaluation; a failed publish gives the claim back, so the next attempt can start it.
/// </summary>
public sealed class EvaluationLauncher(IEvaluationLedger ledger, IStartPublisher publisher, TimeProvider clock)
{
    /// <param name="claim">true: only if this model at this server has no run yet (a crash between claim and publish leaves it queued).</param>
    public async Task<LaunchResult> LaunchAsync(StartEvaluation start, string source, bool claim, CancellationToken cancellationToken)
    {
        var evaluation = new RequestedEvaluation { Start = start, Source = source, RequestedAt = clock.GetUtcNow() };
        var claimKey = claim ? ClaimKey(start) : null;
        if (await ledger.TryRecordAsync(evaluation, claimKey, cancellationToken) is { } holder)
        {
            return new LaunchResult(holder, Started: false);
        }
        try
        {
            await publisher.PublishAsync(start, cancellationToken);
        }
        catch
        {
            await ledger.ForgetAsync(evaluation, claimKey, CancellationToken.None);
            throw;
        }
        return new LaunchResult(start.RunId, Started: true);
    }

    /// <summary>One checkpoint in one scenario: code generation keeps the checkpoint's own key, another scenario adds its name.</summary>
    public static string ClaimKey(StartEvaluation start)
    {
        var scenario = ScenarioNames.Label(start.Scenario, start.Cot);
        return ClaimKey(start.BaseUrl, start.Model) + (scenario == ScenarioNames.Default ? "" : $"#{scenario}");
    }

    /// <summary>One checkpoint: the server (however its base URL is spelled, with or without /v1) and the model id.</summary>
    public static string ClaimKey(string baseUrl, string model) => $"{OpenAiModelClient.ServerAddress(baseUrl)}#{model}";
}
