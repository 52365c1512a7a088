using System.CommandLine;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Core.Scenarios;
using Pipeline.Replay.Faults;
using Pipeline.Replay.Recordings;
using Pipeline.Replay;
using Pipeline.Runs.Scoring;
using Pipeline.Runs;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb demo`: the whole pipeline in one process on the bundled data: the replay server answers with a real
/// model's recorded outputs, Ingest, Generator, Executor (process sandbox) and Scorer run on the in-memory
/// bus, and the score table is checked against the official runner's verdicts for the same samples.
/// </summary>
public static class DemoCommand
{
    private const string DefaultModel = "qwen2.5-7b-instruct";

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "bundled recording to replay", DefaultValueFactory = _ => DefaultModel };
        var limit = new Option<int?>("--limit") { Description = "only the first N problems" };
        var data = new Option<string?>("--data") { Description = "folder with problems.jsonl and generations/ (default: the bundled tests/data/lcb)" };
        var serve = new Option<bool>("--serve") { Description = "keep the dashboard up after the demo (Ctrl-C stops) and print its address" };
        var port = new Option<int>("--port") { Description = "the dashboard's port with --serve", DefaultValueFactory = _ => 8080 };
        var wrong = new Option<double>("--wrong-share") { Description = "prediction scenarios: share of synthetic answers that are wrong", DefaultValueFactory = _ => 0.2 };
        var malformed = new Option<double>("--malformed-share") { Description = "prediction scenarios: share of synthetic answers without an assertion", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<int>("--seed") { Description = "prediction scenarios: seed of the synthetic answers", DefaultValueFactory = _ => 1 };
        var scenario = new ScenarioOptions();
        var command = new Command("demo", "Run the whole pipeline in this process on the bundled problems and a recorded model (synthetic answers for the prediction scenarios)")
        {
            model, limit, data, wrong, malformed, seed, serve, port,
        };
        scenario.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(data) ?? BundledData.Directory;
            try
            {
                var chosen = scenario.Scenario(parse);
                if (chosen is Scenario.TestOutputPrediction or Scenario.CodeExecution)
                {
                    var mix = new SyntheticMix { WrongShare = parse.GetValue(wrong), MalformedShare = parse.GetValue(malformed), Seed = parse.GetValue(seed) };
                    return await PredictionDemo.ExecuteAsync(chosen, scenario.Cot(parse), parse.GetValue(limit), folder, mix, AnsiConsole.Console, cancellationToken);
                }
                return await ExecuteAsync(parse.GetRequiredValue(model), parse.GetValue(limit), folder, AnsiConsole.Console, cancellationToken,
                    parse.GetValue(serve) ? parse.GetValue(port) : null, repair: chosen == Scenario.SelfRepair);
            }
            catch (ArgumentException error)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]demo: {error.Message}[/]");
                return 2;
            }
        });
        return command;
    }

    /// <param name="servePort">serve the dashboard on this port after the demo until cancelled; null to end at once</param>
    /// <param name="repair">self-repair: after the code-generation run, repair it (<see cref="SelfRepairDemo"/>) and report the repair run</param>
    public static async Task<int> ExecuteAsync(
        string model, int? limit, string data, IAnsiConsole console, CancellationToken cancellationToken, int? servePort = null, bool repair = false)
    {
        if (!File.Exists(BundledData.Recording(data, model)))
        {
            await Console.Error.WriteLineAsync($"error: no recording of '{model}' in {data}; recordings: {string.Join(", ", Recording.Models(data))}");
            return ExitCodes.BadInput;
        }
        // Only the problems the recording answers: the replay server refuses the others, and they would never finish.
        var recording = Recording.Read(BundledData.Recording(data, model));
        var problems = recording.AnsweredProblemsFile(BundledData.Problems(data));
        try
        {
            return await RunAsync(model, limit, data, recording, problems, console, servePort, repair, cancellationToken);
        }
        finally
        {
            File.Delete(problems);
        }
    }

    private static async Task<int> RunAsync(
        string model, int? limit, string data, Recording recording, string problems, IAnsiConsole console, int? servePort, bool repair,
        CancellationToken cancellationToken)
    {
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { [model] = [BundledData.Recording(data, model)] },
            Faults = new FaultOptions(),
        }, cancellationToken);
        using var host = InProcessPipeline.Build(problems, new Dictionary<string, string?>());
        await host.StartAsync(cancellationToken);
        try
        {
            var runId = Guid.NewGuid();
            console.MarkupLine($"[bold]run {runId}[/]: {Markup.Escape(model)} replayed from its recording, the {recording.ProblemIds.Count} bundled problems it answers{(limit is { } n ? $" (first {n})" : "")}");
            await host.Services.GetRequiredService<IBus>().Publish(new StartEvaluation
            {
                RunId = runId,
                Model = model,
                BaseUrl = replay.BaseUrl,
                Selection = new DatasetSelection { Release = "release_latest", Limit = limit },
                Sampling = new SamplingSettings { N = 1 },
                Ks = [1],
            }, cancellationToken);
            var store = host.Services.GetRequiredService<IRunStore>();
            if (!await FinishedAsync(store, runId, console, cancellationToken))
            {
                return ExitCodes.RunStalled;
            }
            if (repair)
            {
                runId = await SelfRepairDemo.StartAsync(host.Services, runId, model, replay.BaseUrl, console, cancellationToken);
                if (!await FinishedAsync(store, runId, console, cancellationToken))
                {
                    return ExitCodes.RunStalled;
                }
            }
            console.MarkupLine("[bold]scored on the bundled public tests only[/] (almost none of the bundled problems carry private tests):");
            foreach (var by in new[] { Breakdown.Difficulty, Breakdown.Platform })
            {
                await ResultsCommand.ExecuteAsync(store, console, runId.ToString(), by, DateWindow.All, json: false, cancellationToken);
            }
            var graded = (await store.GetVerdictsAsync(runId, cancellationToken)).Select(v => v.ProblemId).Distinct().ToList();
            console.MarkupLine($"the same samples on the official full test suites (the recording's own verdicts): pass@1 [bold]{recording.OfficialPassAt1(graded) * 100:F1}%[/]");
            var exitCode = Report(OfficialAgreement.Of(BundledData.OfficialVerdicts(data, model), await store.GetVerdictsAsync(runId, cancellationToken)), console);
            if (servePort is { } port)
            {
                await DemoDashboard.ServeAsync(host.Services, port, runId, console, cancellationToken);
            }
            return exitCode;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<bool> FinishedAsync(IRunStore store, Guid runId, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var outcome = await RunWatcher.WaitAsync(store, runId, console, cancellationToken);
        if (outcome.Progress is { IsStalled: true } stalled)
        {
            await Console.Error.WriteLineAsync($"error: the demo run stalled: {ParkedSummary.Describe(runId, stalled.Parked)}");
            return false;
        }
        return true;
    }

    private static int Report(OfficialAgreement agreement, IAnsiConsole console)
    {
        console.MarkupLine(
            $"official runner: {agreement.OfficialPassed}/{agreement.Compared} samples pass; Pipeline: {agreement.OurPassed}/{agreement.Compared}; " +
            $"per-test verdicts equal on {agreement.Equal}/{agreement.Compared} samples");
        foreach (var mismatch in agreement.Mismatches)
        {
            console.MarkupLine($"[red]differs[/] {Markup.Escape(mismatch)}");
        }
        return agreement.Mismatches.Count == 0 ? 0 : 1;
    }
}
