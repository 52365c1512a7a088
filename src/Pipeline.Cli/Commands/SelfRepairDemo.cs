using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Evaluations.SelfRepair;
using Pipeline.Generation.SelfRepair;
using Pipeline.Runs;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb demo --scenario selfrepair`: the code-generation demo run is repaired as `lcb eval --scenario selfrepair
/// --codegen RUN` would (its samples read from the run store, the failing ones sent with the official feedback). No
/// self-repair recording exists, so the replay server answers each repair prompt from the model's code-generation
/// recording (it recognises the question in the prompt): a repaired sample is the model's recorded answer again, and
/// the demo says so. Its verdicts are then checked against the official runner's for those answers.
/// </summary>
internal static class SelfRepairDemo
{
    /// <returns>the self-repair run, started</returns>
    public static async Task<Guid> StartAsync(
        IServiceProvider services, Guid codegenRunId, string model, string baseUrl, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var runs = services.GetRequiredService<IRunStore>();
        var repair = new SelfRepairStart(
            new CodegenRunReader(runs, services.GetRequiredService<IProblemStore>()), services.GetRequiredService<ICodegenStore>());
        var codegen = (await runs.GetRunAsync(codegenRunId, cancellationToken))!;
        var start = await repair.AttachAsync(codegen.Request! with { RunId = Guid.NewGuid(), Scenario = "selfrepair" }, codegenRunId.ToString(), cancellationToken);
        var failing = (await runs.GetVerdictsAsync(codegenRunId, cancellationToken)).Count(verdict => !verdict.Passed);
        console.MarkupLine($"[bold]run {start.RunId}[/]: self-repair of run {codegenRunId}: {failing} failing samples sent with the official feedback, the passing ones kept; " +
            $"[yellow]no self-repair recording exists: the replay server answers each repair prompt with {Markup.Escape(model)}'s recorded code-generation answer (not a repair)[/]");
        await services.GetRequiredService<IBus>().Publish(start, cancellationToken);
        return start.RunId;
    }
}
