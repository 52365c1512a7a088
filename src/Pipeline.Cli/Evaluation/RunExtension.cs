using Pipeline.Contracts;
using Pipeline.Runs;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// `lcb eval --extend`: a new, complete run over a new selection with an earlier run's model and settings. What the
/// earlier run already evaluated costs nothing: the Generator's cache answers its samples and the Executor's verdict
/// store their verdicts, because both are keyed by what the run repeats (model, prompt, sampling; suite, code, timeout).
/// </summary>
public static class RunExtension
{
    /// <param name="modelServer">the per-run model-server options given now (null: none): a key, and a timeout or extra body replacing the run's</param>
    /// <exception cref="RunNotExtendableException">
    /// the run's registration does not hold the command that started it, it is a self-repair, or it had its own key and none is given.
    /// </exception>
    public static StartEvaluation Extend(RunRegistration run, DatasetSelection selection, string? baseUrl, Guid newRunId, ModelServerSettings? modelServer = null)
    {
        var request = run.Request ?? throw new RunNotExtendableException(
            $"run {run.RunId} was registered before runs kept their settings (base URL, sampling, timeout); start a new run with `lcb eval --model … --base-url …`");
        if (request.Codegen is not null)
        {
            // Its code-generation samples are stored under its own run id; a new selection needs them read again.
            throw new RunNotExtendableException(
                $"run {run.RunId} is a self-repair of {request.Codegen.Source}; start a new one with `lcb eval --scenario selfrepair --codegen …` and the new selection");
        }
        return request with
        {
            RunId = newRunId,
            Selection = selection,
            BaseUrl = string.IsNullOrWhiteSpace(baseUrl) ? request.BaseUrl : baseUrl,
            Extends = run.RunId,
            ModelServer = ModelServerOf(run, request.ModelServer, modelServer),
        };
    }

    private static ModelServerSettings ModelServerOf(RunRegistration run, ModelServerSettings recorded, ModelServerSettings? given)
    {
        if (recorded.HadOwnApiKey && string.IsNullOrEmpty(given?.ApiKey))
        {
            throw new RunNotExtendableException(
                $"run {run.RunId} was started with its own --api-key, which is never stored; give it again: lcb eval --extend {run.RunId.ToString("N")[..8]} --api-key KEY");
        }
        return given is null ? recorded : recorded with
        {
            ApiKey = given.ApiKey,
            RequestTimeoutSeconds = given.RequestTimeoutSeconds ?? recorded.RequestTimeoutSeconds,
            ExtraBody = given.ExtraBody.Count > 0 ? given.ExtraBody : recorded.ExtraBody,
        };
    }

    /// <summary>How many of the extended run's problems the earlier run already evaluated, and how many are new.</summary>
    public static (int Reused, int New) Overlap(RunRegistration earlier, RunRegistration extended)
    {
        var evaluated = earlier.Problems.Select(p => p.ProblemId).ToHashSet(StringComparer.Ordinal);
        var reused = extended.Problems.Count(p => evaluated.Contains(p.ProblemId));
        return (reused, extended.Problems.Count - reused);
    }
}

/// <summary>The run cannot be extended: it does not say how it was started.</summary>
public sealed class RunNotExtendableException(string message) : Exception(message);
