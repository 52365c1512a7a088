using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Core.Scenarios;
using Pipeline.Replay;
using Pipeline.Replay.Recordings;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb demo --scenario testoutputprediction|codeexecution`: the whole pipeline in this process on the bundled rows, the
/// replay server answering with SYNTHETIC answers made from the rows (no public recording exists for these scenarios).
/// Every verdict is then checked against how its answer was made: right answers must pass, wrong and malformed ones fail.
/// </summary>
public static class PredictionDemo
{
    public static async Task<int> ExecuteAsync(
        Scenario scenario, bool cot, int? limit, string data, SyntheticMix mix, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var rows = scenario == Scenario.TestOutputPrediction ? BundledData.TestOutputRows(data) : BundledData.ExecutionRows(data);
        var model = SyntheticAnswers.ModelName(scenario);
        var items = SyntheticAnswers.Items(scenario, rows);
        var recorded = SyntheticRecording.Build(items, mix);
        await using var replay = await Pipeline.Replay.ReplayServer.StartAsync(new ReplayServerOptions
        {
            Recorded = new Dictionary<string, IReadOnlyList<RecordedProblem>> { [model] = recorded },
        }, cancellationToken);
        var datasetKey = scenario == Scenario.TestOutputPrediction ? "Dataset:TestOutputPrediction" : "Dataset:CodeExecution";
        using var host = InProcessPipeline.Build(BundledData.Problems(data), new Dictionary<string, string?> { [datasetKey] = rows });
        await host.StartAsync(cancellationToken);
        try
        {
            var runId = Guid.NewGuid();
            console.MarkupLine($"[bold]run {runId}[/]: {ScenarioNames.Label(scenario.Name(), cot)} on {Markup.Escape(Path.GetFileName(rows))}" +
                $"{(limit is { } n ? $" (first {n})" : "")}, [yellow]{Markup.Escape(mix.ToString())} (not a model)[/]");
            await host.Services.GetRequiredService<IBus>().Publish(new StartEvaluation
            {
                RunId = runId,
                Model = model,
                BaseUrl = replay.BaseUrl,
                Selection = new DatasetSelection { Release = "release_latest", Limit = limit },
                Scenario = scenario.Name(),
                Cot = cot,
                Sampling = new SamplingSettings { N = 5 },
                Ks = [1, 5],
            }, cancellationToken);
            var store = host.Services.GetRequiredService<IRunStore>();
            await RunWatcher.WaitAsync(store, runId, console, cancellationToken);
            foreach (var by in new[] { Breakdown.Difficulty, Breakdown.Month })
            {
                await ResultsCommand.ExecuteAsync(store, console, runId.ToString(), by, DateWindow.All, json: false, cancellationToken);
            }
            return Check(items, await store.GetVerdictsAsync(runId, cancellationToken), console);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static int Check(IReadOnlyList<SyntheticItem> items, IReadOnlyList<SampleVerdict> verdicts, IAnsiConsole console)
    {
        var correct = items.ToDictionary(item => item.Key, item => item.Correct);
        bool MadeRight(SampleVerdict verdict) => verdict.RawOutput == correct[verdict.ProblemId];
        var mismatches = verdicts.Where(v => v.Passed != MadeRight(v)).ToList();
        console.MarkupLine($"synthetic answers made right: {verdicts.Count(MadeRight)}/{verdicts.Count}; Pipeline passed {verdicts.Count(v => v.Passed)}/{verdicts.Count}");
        foreach (var mismatch in mismatches.Take(20))
        {
            console.MarkupLine($"[red]differs[/] {Markup.Escape(mismatch.ProblemId)} #{mismatch.SampleIndex}: passed={mismatch.Passed}");
        }
        return mismatches.Count == 0 ? 0 : 1;
    }
}
