using System.CommandLine;
using Pipeline.Replay;
using Pipeline.Replay.Faults;
using Pipeline.Replay.Recordings;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>`lcb serve-replay`: an OpenAI-compatible server on 127.0.0.1 answering from _eval_all recordings.</summary>
internal static class ServeReplayCommand
{
    public static Command Create()
    {
        var recordings = new Option<string[]>("--recordings")
        {
            Description = "_eval_all files; each is served as the model named after its file", AllowMultipleArgumentsPerToken = true,
        };
        var models = new Option<string[]>("--model") { Description = "NAME=FILE: serve FILE as model NAME (repeatable)" };
        var port = new Option<int>("--port") { Description = "port on 127.0.0.1", DefaultValueFactory = _ => 8000 };
        var latency = new Option<int>("--latency-ms") { Description = "added to every completion request" };
        var tooMany = new Option<double>("--rate-429") { Description = "share of requests answered 429 with Retry-After" };
        var retryAfter = new Option<int>("--retry-after") { Description = "Retry-After seconds on injected 429s", DefaultValueFactory = _ => 1 };
        var serverError = new Option<double>("--rate-500") { Description = "share of requests answered 500" };
        var drop = new Option<double>("--rate-drop") { Description = "share of requests whose connection is dropped" };
        var malformed = new Option<double>("--rate-malformed") { Description = "share of requests answered with malformed JSON" };
        var command = new Command("serve-replay", "Serve recorded model outputs over the OpenAI API (tests, demos, offline re-scoring)")
        {
            recordings, models, port, latency, tooMany, retryAfter, serverError, drop, malformed,
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
            var options = new ReplayServerOptions
            {
                Port = parse.GetValue(port),
                Models = served,
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
