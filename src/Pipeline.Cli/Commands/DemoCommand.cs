using System.CommandLine;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Replay;
using Pipeline.Replay.Faults;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
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
        var command = new Command("demo", "Run the whole pipeline in this process on the bundled problems and a recorded model") { model, limit, data, serve, port };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetRequiredValue(model), parse.GetValue(limit), parse.GetValue(data) ?? BundledData.Directory, AnsiConsole.Console, cancellationToken,
            parse.GetValue(serve) ? parse.GetValue(port) : null));
        return command;
    }

    /// <param name="servePort">serve the dashboard on this port after the demo until cancelled; null to end at once</param>
    public static async Task<int> ExecuteAsync(
        string model, int? limit, string data, IAnsiConsole console, CancellationToken cancellationToken, int? servePort = null)
    {
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new ReplayServerOptions
        {
            Models = new Dictionary<string, IReadOnlyList<string>> { [model] = [BundledData.Recording(data, model)] },
            Faults = new FaultOptions(),
        }, cancellationToken);
        using var host = InProcessPipeline.Build(BundledData.Problems(data), new Dictionary<string, string?>());
        await host.StartAsync(cancellationToken);
        try
        {
            var runId = Guid.NewGuid();
            console.MarkupLine($"[bold]run {runId}[/]: {Markup.Escape(model)} replayed from its recording, bundled problems{(limit is { } n ? $" (first {n})" : "")}");
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
            await RunWatcher.WaitAsync(store, runId, console, cancellationToken);
            foreach (var by in new[] { Breakdown.Difficulty, Breakdown.Platform })
            {
                await ResultsCommand.ExecuteAsync(store, console, runId.ToString(), by, DateWindow.All, json: false, cancellationToken);
            }
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
