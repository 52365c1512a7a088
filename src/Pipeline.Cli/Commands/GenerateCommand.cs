using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Evaluation;
using Pipeline.Cli.Runs;
using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;
using Pipeline.Dataset;
using Pipeline.Generation.Cache;
using Pipeline.Generation.ModelClient;
using Pipeline.Generation.Offline;
using Pipeline.Generation.Prompts;
using Pipeline.Generation.SelfRepair;
using Pipeline.Generation;
using Pipeline.Runs;
using Spectre.Console;
using StackExchange.Redis;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `lcb generate`: ask a model for n samples of every selected problem and write the official output layout
/// (problem fields, output_list, code_list); rows already in --out are skipped, so a stopped run resumes.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var problems = new Option<string>("--problems") { Description = "dataset .jsonl file or code_generation_lite directory (prediction scenarios: their rows' .jsonl)", Required = true };
        var release = new Option<string>("--release") { Description = "release_vN, vN, vA_vB or release_latest", DefaultValueFactory = _ => "release_latest" };
        var startDate = new Option<DateOnly?>("--start-date") { Description = "first contest date (inclusive)" };
        var endDate = new Option<DateOnly?>("--end-date") { Description = "last contest date (inclusive)" };
        var limit = new Option<int?>("--limit") { Description = "at most this many problems" };
        var baseUrl = new Option<string>("--base-url") { Description = "OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 (not with --prompts-only)" };
        var model = new Option<string>("--model") { Description = "model name the server knows (not with --prompts-only)" };
        var codegen = new Option<string?>("--codegen")
        {
            Description = "selfrepair: the code-generation run to repair, a completed run (id or its start; read from --redis) or an official _eval_all.json (or .jsonl)",
            HelpName = "RUN_OR_FILE",
        };
        var promptsOnly = new Option<bool>("--prompts-only") { Description = "write each item's key and exactly what would be sent, ask nothing" };
        var sampling = new SamplingOptions();
        var scenarioOptions = new ScenarioOptions();
        var modelServer = new ModelServerCommandOptions();
        var store = new RunStoreOptions();
        var oneRequestPerSample = new Option<bool>("--no-native-n") { Description = "one request per sample, for servers without the n parameter" };
        var concurrency = new Option<int>("--concurrency") { Description = "requests in flight to the server", DefaultValueFactory = _ => 8 };
        var output = new Option<string>("--out") { Description = "output .jsonl (resumed when it exists)", Required = true };
        var officialDir = new Option<string?>("--official-dir")
        {
            Description = "also write the official runner's Scenario.{scenario}_{n}_{temperature}.json array of the selected rows into this folder",
        };
        var command = new Command("generate", "Sample a model on LCB problems with the official prompts; writes the official output layout")
        {
            problems, release, startDate, endDate, limit, baseUrl, model, codegen, promptsOnly, oneRequestPerSample, concurrency, output, officialDir,
        };
        sampling.AddTo(command);
        scenarioOptions.AddTo(command);
        modelServer.AddTo(command);
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            PromptStyle style;
            CodegenRun? repairing;
            Scenario scenario;
            ModelServerSettings server;
            try
            {
                server = modelServer.Settings(parse);
                scenario = scenarioOptions.Scenario(parse);
                style = ScenarioStyles.Require(scenario, parse.GetRequiredValue(sampling.StyleOption));
                repairing = scenario == Scenario.SelfRepair
                    ? await CodegenRunSource.ReadAsync(parse.GetValue(codegen) ?? throw new ArgumentException("selfrepair needs --codegen RUN_OR_FILE"), store, parse, cancellationToken)
                    : null;
                if (!parse.GetValue(promptsOnly) && (parse.GetValue(baseUrl) is null || parse.GetValue(model) is null))
                {
                    throw new ArgumentException("give --base-url and --model (or --prompts-only)");
                }
            }
            catch (Exception error) when (error is ArgumentException or InvalidDataException or IOException or RunNotFoundException or RedisConnectionException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]generate failed: {error.Message}[/]");
                return 1;
            }
            var selection = new DatasetSelection
            {
                Release = parse.GetRequiredValue(release), StartDate = parse.GetValue(startDate), EndDate = parse.GetValue(endDate), Limit = parse.GetValue(limit),
            };
            var settings = new OfflineGenerationSettings
            {
                BaseUrl = parse.GetValue(baseUrl) ?? "",
                Model = parse.GetValue(model) ?? "",
                Style = style,
                Scenario = scenario,
                Cot = scenarioOptions.Cot(parse),
                Sampling = sampling.Settings(parse),
                ModelServer = server.WithoutApiKey(),
                Parallelism = parse.GetValue(concurrency),
            };
            var client = new ModelServerOptions
            {
                ApiKey = ModelServerCommandOptions.CheckKey(server),
                AttemptTimeout = server.RequestTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : new ModelServerOptions().AttemptTimeout,
                UseNativeN = !parse.GetValue(oneRequestPerSample),
                MaxConcurrentRequestsPerServer = settings.Parallelism,
            };
            if (!parse.GetValue(promptsOnly)
                && await ModelServerCheck.CheckAsync(settings.BaseUrl, settings.Model, client.ApiKey, ModelServerCheck.DefaultTimeout, cancellationToken) is { } refused)
            {
                await Console.Error.WriteLineAsync($"error: {refused.Message}");
                return refused.Reachable ? ExitCodes.BadInput : ExitCodes.Failed;
            }
            try
            {
                var selected = SelectProblems(parse.GetRequiredValue(problems), selection, scenario);
                if (repairing is not null)
                {
                    // Self-repair reads no dataset of its own: the selected problems the code-generation run answered.
                    selected = repairing.Answered(selected);
                    AnsiConsole.MarkupLineInterpolated($"{selected.Count} of the {repairing.Problems.Count} problems of {repairing.Source} are in the selection");
                }
                if (parse.GetValue(promptsOnly))
                {
                    return PromptsOnly.Write(selected, settings, repairing, parse.GetRequiredValue(output));
                }
                var exit = await ExecuteAsync(selected, settings, repairing, client, parse.GetRequiredValue(output), cancellationToken);
                if (exit == 0 && parse.GetValue(officialDir) is { } folder)
                {
                    var (file, rows) = OfficialGenerationFile.Write(parse.GetRequiredValue(output), selected.Select(p => p.QuestionId).ToHashSet(StringComparer.Ordinal),
                        folder, scenario, settings.Cot, settings.Sampling.N, settings.Sampling.Temperature);
                    AnsiConsole.MarkupLineInterpolated($"wrote {rows} rows to {file} (the official runner's layout)");
                }
                return exit;
            }
            catch (Refit.ApiException error)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]generate failed: the model server answered {(int)error.StatusCode}: {error.Content}[/]");
                return 1;
            }
            catch (Exception error) when (error is DatasetException or InvalidDataException or IOException or ArgumentException or HttpRequestException
                or Polly.Timeout.TimeoutRejectedException)
            {
                // Rows finished before the failure stay in --out; running the same command again resumes.
                AnsiConsole.MarkupLineInterpolated($"[red]generate failed: {error.Message}[/]");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The dataset rows of the scenario; self-repair repairs code-generation problems, so it reads those.</summary>
    private static List<Problem> SelectProblems(string source, DatasetSelection selection, Scenario scenario)
    {
        var report = new DatasetReport();
        var dataset = scenario == Scenario.SelfRepair ? Scenario.CodeGeneration : scenario;
        var selected = DatasetReader.Read(source, selection, report, dataset).Select(entry => entry.Problem).ToList();
        foreach (var bad in report.BadRows)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]skipped {bad}[/]");
        }
        return selected;
    }

    private static async Task<int> ExecuteAsync(
        IReadOnlyList<Problem> selected, OfflineGenerationSettings settings, CodegenRun? repairing, ModelServerOptions client, string outputPath,
        CancellationToken cancellationToken)
    {
        await using var output = GenerationOutput.Open(outputPath);
        var pending = output.Pending(selected);
        AnsiConsole.MarkupLineInterpolated($"{selected.Count} problems selected, {selected.Count - pending.Count} already in {outputPath}, {pending.Count} to generate");
        using var services = new ServiceCollection().AddModelClient(client).BuildServiceProvider();
        var sampleGenerator = new SampleGenerator(services.GetRequiredService<IModelClient>(), new InMemoryGenerationCache(), client);
        var repair = repairing is null ? null : new OfflineRepair(new RepairSampler(sampleGenerator), repairing);
        int issues = 0, truncated = 0;
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"generating ({settings.Model})", maxValue: Math.Max(1, pending.Count));
            void Done(Problem _, IReadOnlyList<GeneratedSample> samples)
            {
                Interlocked.Add(ref issues, samples.Count(sample => sample.Issue is not null));
                Interlocked.Add(ref truncated, samples.Count(sample => sample.Truncated));
                task.Increment(1);
            }
            await (repair is null
                ? new OfflineGenerator(sampleGenerator).RunAsync(pending, settings, output, Done, cancellationToken)
                : repair.RunAsync(pending, settings, output, Done, cancellationToken));
            task.Value = task.MaxValue;
        });
        AnsiConsole.MarkupLineInterpolated($"wrote {pending.Count} rows to {outputPath}; {issues} samples without a usable answer, {truncated} truncated at the token limit");
        return 0;
    }
}
