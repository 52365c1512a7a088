using Pipeline.Contracts;
using Pipeline.Core.Stores;
using Pipeline.Dataset.Ingest;
using Pipeline.Dataset;
using Pipeline.Generation.ModelClient;

namespace Pipeline.UnitTests.Ingest;

/// <summary>The planner behind the StartEvaluation consumer, on in-memory stores and the bundled rows.</summary>
public sealed class IngestPlannerTests
{
    private readonly InMemoryProblemStore _problems = new();
    private readonly InMemorySuiteStore _suites = new();

    [Fact]
    public async Task The_plan_announces_the_run_and_asks_for_each_problem_by_suite_hash()
    {
        var start = Start(new DatasetSelection { Release = "release_latest", Platforms = ["atcoder"], Difficulties = ["easy"] });

        var plan = await Planner(LcbTestData.File("problems.jsonl")).PlanAsync(start);

        Assert.Equal(50, plan.Started.Problems.Count);
        Assert.Equal((start.RunId, "m", 4), (plan.Started.RunId, plan.Started.Model, plan.Started.SamplesPerProblem));
        Assert.Equal(plan.Started.Problems.Select(p => p.ProblemId), plan.Commands.Select(c => c.ProblemId));
        foreach (var started in plan.Started.Problems)
        {
            var stored = await _problems.GetAsync(started.ProblemId);
            Assert.Equal((stored!.Difficulty, stored.Platform, stored.ContestDate), (started.Difficulty, started.Platform, started.ContestDate));
        }
        Assert.Equal(start, plan.Started.Request);
        foreach (var command in plan.Commands)
        {
            var problem = await _problems.GetAsync(command.ProblemId);
            Assert.Equal(problem!.SuiteHash, command.SuiteHash);
            Assert.NotNull(await _suites.GetAsync(command.SuiteHash));
            Assert.Equal((start.BaseUrl, start.PromptStyle, start.TimeoutSeconds), (command.BaseUrl, command.PromptStyle, command.TimeoutSeconds));
        }
    }

    [Fact]
    public async Task The_runs_model_server_settings_reach_every_command_and_are_recorded_without_the_key()
    {
        var server = new ModelServerSettings { ApiKey = "sk-run", RequestTimeoutSeconds = 900, ExtraBody = ExtraBody.Parse("{\"reasoning_effort\": \"high\"}") };
        var start = Start(new DatasetSelection { Release = "release_latest", Limit = 3 }) with { ModelServer = server };

        var plan = await Planner(LcbTestData.File("problems.jsonl")).PlanAsync(start);

        Assert.All(plan.Commands, command => Assert.Same(server, command.ModelServer));
        Assert.Null(plan.Started.Request!.ModelServer.ApiKey);
        Assert.True(plan.Started.Request.ModelServer.HadOwnApiKey);
        Assert.Equal(900, plan.Started.Request.ModelServer.RequestTimeoutSeconds);
        Assert.Equal("high", plan.Started.Request.ModelServer.ExtraBody["reasoning_effort"].GetString());
    }

    [Fact]
    public async Task Planning_the_same_run_again_stores_nothing_new_and_plans_the_same()
    {
        var planner = Planner(LcbTestData.File("problems.jsonl"));
        var start = Start(new DatasetSelection { Release = "release_latest", Limit = 30 });

        var first = await planner.PlanAsync(start);
        var second = await planner.PlanAsync(start);

        Assert.Equal((30, 30), (first.Summary.NewSuites, first.Summary.NewOrChangedProblems));
        Assert.Equal((0, 0), (second.Summary.NewSuites, second.Summary.NewOrChangedProblems));
        Assert.Equal(first.Commands, second.Commands);
        Assert.Equal(30, _suites.Count);
    }

    [Fact]
    public async Task Without_a_configured_dataset_the_error_says_what_to_set()
    {
        var error = await Assert.ThrowsAsync<DatasetException>(() => Planner("").PlanAsync(Start(new DatasetSelection { Release = "v1" })));

        Assert.Contains("Dataset:Source", error.Message);
    }

    [Fact]
    public async Task A_selection_matching_no_problem_is_refused_with_the_selection()
    {
        var empty = new DatasetSelection { Release = "release_latest", StartDate = new DateOnly(2030, 1, 1) };
        var error = await Assert.ThrowsAsync<DatasetException>(() => Planner(LcbTestData.File("problems.jsonl")).PlanAsync(Start(empty)));

        Assert.EndsWith("matches no problem in " + LcbTestData.File("problems.jsonl") + ": release release_latest, from 2030-01-01", error.Message);
    }

    [Fact]
    public async Task A_self_repair_plans_the_selected_problems_its_code_generation_run_answered_up_to_the_limit()
    {
        var planner = Planner(LcbTestData.File("problems.jsonl"));
        var all = await planner.PlanAsync(Start(new DatasetSelection { Release = "release_latest" }));
        var answered = all.Started.Problems.Select(p => p.ProblemId).Where((_, index) => index % 3 == 0).ToList();
        var repair = Start(new DatasetSelection { Release = "release_latest", Limit = 5 }) with
        {
            Scenario = "selfrepair", Codegen = new CodegenSource { Source = "run x", ProblemIds = [.. answered, "not-in-the-dataset"] },
        };

        var plan = await planner.PlanAsync(repair);

        Assert.Equal(answered.Take(5), plan.Started.Problems.Select(p => p.ProblemId));
        Assert.Equal(plan.Started.Problems.Select(p => p.ProblemId), plan.Commands.Select(c => c.ProblemId));
        Assert.All(plan.Commands, c => Assert.Equal("selfrepair", c.Scenario));
    }

    [Fact]
    public async Task A_self_repair_without_its_code_generation_run_is_refused()
    {
        var start = Start(new DatasetSelection { Release = "release_latest" }) with { Scenario = "selfrepair" };

        var error = await Assert.ThrowsAsync<DatasetException>(() => Planner(LcbTestData.File("problems.jsonl")).PlanAsync(start));

        Assert.Contains("needs the code-generation run it repairs", error.Message);
    }

    private IngestPlanner Planner(string source) =>
        new(new DatasetIngestor(_problems, _suites), new DatasetOptions { Source = source });

    private static StartEvaluation Start(DatasetSelection selection) => new()
    {
        RunId = Guid.NewGuid(),
        Model = "m",
        BaseUrl = "http://model",
        Selection = selection,
        Sampling = new SamplingSettings { N = 4 },
    };
}
