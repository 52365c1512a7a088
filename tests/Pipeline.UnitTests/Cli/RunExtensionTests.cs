using Microsoft.Extensions.Configuration;
using Pipeline.Cli.Commands;
using Pipeline.Cli.Evaluation;
using Pipeline.Cli.Runs;
using Pipeline.Contracts;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Pipeline.UnitTests.Scoring;
using Spectre.Console;

namespace Pipeline.UnitTests.Cli;

/// <summary>`lcb eval --extend`: the new run's command comes from the earlier run's, with the new selection.</summary>
public sealed class RunExtensionTests
{
    private static readonly StartEvaluation Original = new()
    {
        RunId = Guid.NewGuid(),
        Model = "ckpt-1200",
        BaseUrl = "http://model:8000/v1",
        Selection = new DatasetSelection { Release = "release_v5", EndDate = new DateOnly(2025, 1, 31) },
        PromptStyle = "base",
        Sampling = new SamplingSettings { N = 5, Temperature = 0.7, TopP = 0.9, MaxTokens = 4096, Stop = ["###"], Seed = 3 },
        TimeoutSeconds = 10,
        Ks = [1, 5],
    };

    private static readonly DatasetSelection Wider = new() { Release = "release_v6" };

    [Fact]
    public void The_extension_keeps_model_server_sampling_prompt_timeout_and_k_and_takes_the_new_selection()
    {
        var newRun = Guid.NewGuid();

        var start = RunExtension.Extend(Registered(Original, ["a", "b"]), Wider, baseUrl: null, newRun);

        Assert.Equal(Original with { RunId = newRun, Selection = Wider, Extends = Original.RunId }, start);
        Assert.Equal(Original.Sampling, start.Sampling);
        Assert.Equal(Original.Ks, start.Ks);
    }

    [Fact]
    public void A_given_base_url_replaces_the_runs_model_server()
    {
        var start = RunExtension.Extend(Registered(Original, ["a"]), Wider, "http://moved:9000/v1", Guid.NewGuid());

        Assert.Equal("http://moved:9000/v1", start.BaseUrl);
        Assert.Equal(Original.Model, start.Model);
    }

    [Fact]
    public void A_run_started_with_its_own_key_is_extended_only_with_a_key_given_again()
    {
        var keyed = Original with { ModelServer = new ModelServerSettings { ApiKey = "sk-run", RequestTimeoutSeconds = 900 }.WithoutApiKey() };
        var run = Registered(keyed, ["a"]);

        var refused = Assert.Throws<RunNotExtendableException>(() => RunExtension.Extend(run, Wider, null, Guid.NewGuid(), new ModelServerSettings()));
        var start = RunExtension.Extend(run, Wider, null, Guid.NewGuid(), new ModelServerSettings { ApiKey = "sk-again", RequestTimeoutSeconds = 1200 });

        Assert.Contains("was started with its own --api-key, which is never stored; give it again", refused.Message);
        Assert.Equal(("sk-again", 1200.0), (start.ModelServer.ApiKey, start.ModelServer.RequestTimeoutSeconds));
        Assert.Equal(900, RunExtension.Extend(run, Wider, null, Guid.NewGuid(), new ModelServerSettings { ApiKey = "sk-again" }).ModelServer.RequestTimeoutSeconds);
        Assert.Null(RunExtension.Extend(Registered(Original, ["a"]), Wider, null, Guid.NewGuid(), new ModelServerSettings()).ModelServer.ApiKey);
    }

    [Fact]
    public void A_run_registered_without_its_command_is_refused_with_the_reason()
    {
        var run = Registered(Original, ["a"]) with { Request = null };

        var error = Assert.Throws<RunNotExtendableException>(() => RunExtension.Extend(run, Wider, null, Guid.NewGuid()));

        Assert.Contains(run.RunId.ToString(), error.Message);
    }

    [Fact]
    public void The_overlap_counts_problems_the_earlier_run_evaluated_and_the_new_ones()
    {
        var earlier = Registered(Original, ["a", "b", "gone"]);
        var extended = Registered(Original with { RunId = Guid.NewGuid() }, ["a", "b", "c", "d", "e"]);

        Assert.Equal((2, 3), RunExtension.Overlap(earlier, extended));
    }

    [Fact]
    public async Task Extending_an_unknown_run_is_refused_before_anything_is_published()
    {
        // No broker at this address: a publish attempt would fail with a connection error, not the refusal.
        var bus = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bus:Host"] = "no-such-host.invalid" }).Build();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });

        var error = await Assert.ThrowsAsync<RunNotFoundException>(() => EvalExtension.ExecuteAsync(
            new EvalExtension.Request("feedbeef", Wider, null, Wait: false), bus, new InMemoryRunStore(), console, default));

        Assert.Contains("feedbeef", error.Message);
    }

    [Theory]
    [InlineData("--n", "5")]
    [InlineData("--model", "other")]
    [InlineData("--timeout", "10")]
    [InlineData("--temperature", "0.8")]
    [InlineData("--k", "1")]
    public async Task Settings_that_come_from_the_extended_run_are_refused_on_the_command_line(string option, string value)
    {
        // Refused while parsing options, before any Redis or broker is contacted (neither listens at these addresses).
        var exit = await EvalCommand.Create().Parse(["--extend", "feedbeef", option, value, "--redis", "127.0.0.1:1", "--rabbitmq", "no-such-host.invalid"])
            .InvokeAsync();

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Without_extend_the_model_is_required()
    {
        var exit = await EvalCommand.Create().Parse(["--base-url", "http://model/v1", "--rabbitmq", "no-such-host.invalid"]).InvokeAsync();

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task The_scorer_keeps_the_command_that_started_a_run()
    {
        var store = new InMemoryRunStore();
        var runId = Guid.NewGuid();
        var request = Original with { RunId = runId };

        await new RunScorer(store, TimeProvider.System)
            .RegisterAsync(ScorerFixtures.Started(runId, 1) with { Request = request }, DateTimeOffset.UtcNow);

        Assert.Equal(request, (await store.GetRunAsync(runId))!.Request);
    }

    [Fact]
    public async Task Status_names_the_run_an_extension_extends()
    {
        var store = new InMemoryRunStore();
        var extension = RunExtension.Extend(Registered(Original, ["a"]), Wider, null, Guid.NewGuid());
        await store.RegisterAsync(Registered(extension, ["a", "b"]));
        var output = new StringWriter();

        await StatusCommand.ExecuteAsync(store, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }), extension.RunId.ToString(), default);

        Assert.Contains(output.ToString().Split('\n'), line => line.Contains("extends") && line.Contains(Original.RunId.ToString()));
    }

    private static RunRegistration Registered(StartEvaluation request, string[] problems) => new()
    {
        RunId = request.RunId,
        Model = request.Model,
        Problems = [.. problems.Select(id => new RunProblem { ProblemId = id, Difficulty = "easy", Platform = "atcoder", ContestDate = new DateTime(2025, 1, 1) })],
        SamplesPerProblem = request.Sampling.N,
        Ks = request.Ks,
        StartedAt = DateTimeOffset.UtcNow,
        Request = request,
    };
}
