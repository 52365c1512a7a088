using System.CommandLine;
using Pipeline.Cli.Evaluation;
using Pipeline.Core.Scenarios;
using Pipeline.Dataset;
using Pipeline.Replay.Faults;
using Pipeline.Replay.Recordings;
using Pipeline.Replay;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>`lcb serve-replay`: an OpenAI-compatible server (on 127.0.0.1 unless --host) answering from _eval_all recordings.</summary>
internal static class ServeReplayCommand
{
    public static Command Create()
    {
        var recordings = new Option<string[]>("--recordings")
        {
            Description = "_eval_all files; each is served as the model named after its file", AllowMultipleArgumentsPerToken = true,
        };
        var models = new Option<string[]>("--model") { Description = "NAME=FILE: serve FILE as model NAME (repeatable)" };
        var synthetic = new Option<string[]>("--synthetic")
        {
            Description = "SCENARIO=ROWS: serve synthetic answers made from a testoutputprediction or codeexecution rows file, as model synthetic-SCENARIO (repeatable)",
        };
        var wrongShare = new Option<double>("--wrong-share") { Description = "share of synthetic answers that are wrong", DefaultValueFactory = _ => 0.2 };
        var malformedShare = new Option<double>("--malformed-share") { Description = "share of synthetic answers without an assertion", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<int>("--seed") { Description = "seed of the synthetic answers", DefaultValueFactory = _ => 1 };
        var port = new Option<int>("--port") { Description = "port to listen on", DefaultValueFactory = _ => 8000 };
        var host = new Option<string>("--host")
        {
            Description = "address to listen on: 127.0.0.1, or 0.0.0.0 so that containers (compose's Generator) reach it through the docker host",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var latency = new Option<int>("--latency-ms") { Description = "added to every completion request" };
        var tooMany = new Option<double>("--rate-429") { Description = "share of requests answered 429 with Retry-After" };
        var retryAfter = new Option<int>("--retry-after") { Description = "Retry-After seconds on injected 429s", DefaultValueFactory = _ => 1 };
        var serverError = new Option<double>("--rate-500") { Description = "share of requests answered 500" };
        var drop = new Option<double>("--rate-drop") { Description = "share of requests whose connection is dropped" };
        var malformed = new Option<double>("--rate-malformed") { Description = "share of requests answered with malformed JSON" };
        var command = new Command("serve-replay", "Serve recorded model outputs over the OpenAI API (tests, demos, offline re-scoring)")
        {
            recordings, models, synthetic, wrongShare, malformedShare, seed, port, host, latency, tooMany, retryAfter, serverError, drop, malformed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var served = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var file in parse.GetValue(recordings) ?? [])
            {
                served[RecordingFile.ModelName(file)] = [file];
            }
            foreach (var pair in parse.GetValue(models) ?? [])
            {
                var split = pair.Split('=', 2);
                if (split.Length != 2 || split[0].Length == 0 || split[1].Length == 0)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]--model expects NAME=FILE, got '{pair}'[/]");
                    return 2;
                }
                served[split[0]] = [split[1]];
            }
            if (!System.Net.IPAddress.TryParse(parse.GetValue(host), out var address))
            {
                await Console.Error.WriteLineAsync($"error: --host '{parse.GetValue(host)}' is not an IP address (127.0.0.1, 0.0.0.0, …)");
                return ExitCodes.BadInput;
            }
            var made = new Dictionary<string, IReadOnlyList<RecordedProblem>>(StringComparer.Ordinal);
            var mix = new SyntheticMix { WrongShare = parse.GetValue(wrongShare), MalformedShare = parse.GetValue(malformedShare), Seed = parse.GetValue(seed) };
            foreach (var pair in parse.GetValue(synthetic) ?? [])
            {
                try
                {
                    var split = pair.Split('=', 2);
                    var scenario = split.Length == 2 ? ScenarioNames.Parse(split[0]) : throw new ArgumentException($"--synthetic expects SCENARIO=ROWS, got '{pair}'");
                    if (scenario is not (Scenario.TestOutputPrediction or Scenario.CodeExecution))
                    {
                        throw new ArgumentException($"--synthetic serves testoutputprediction or codeexecution, not {scenario.Name()}");
                    }
                    made[SyntheticAnswers.ModelName(scenario)] = SyntheticRecording.Build(SyntheticAnswers.Items(scenario, split[1]), mix);
                }
                catch (Exception error) when (error is ArgumentException or DatasetException)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/]");
                    return 2;
                }
                AnsiConsole.MarkupLineInterpolated($"[yellow]{mix} (not a model)[/]");
            }
            var options = new ReplayServerOptions
            {
                Port = parse.GetValue(port),
                Address = address,
                Models = served,
                Recorded = made,
                Faults = new FaultOptions
                {
                    LatencyMs = parse.GetValue(latency), TooManyRequestsRate = parse.GetValue(tooMany), RetryAfterSeconds = parse.GetValue(retryAfter),
                    ServerErrorRate = parse.GetValue(serverError), DropConnectionRate = parse.GetValue(drop), MalformedJsonRate = parse.GetValue(malformed),
                },
            };
            await using var server = await Pipeline.Replay.ReplayServer.StartAsync(options, cancellationToken);
            foreach (var name in server.Models.Names)
            {
                AnsiConsole.MarkupLineInterpolated($"model [bold]{name}[/]: {server.Models.Find(name)!.ProblemCount} problems");
            }
            AnsiConsole.MarkupLineInterpolated($"replay server on [bold]{server.BaseUrl}/v1[/] (Ctrl+C stops; POST /admin/models adds a model)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        });
        return command;
    }
}
