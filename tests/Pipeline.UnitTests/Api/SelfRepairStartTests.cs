using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Stores;
using Pipeline.Evaluations.SelfRepair;
using Pipeline.Generation.SelfRepair;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;

namespace Pipeline.UnitTests.Api;

/// <summary>What `lcb eval --scenario selfrepair --codegen` and POST /evaluations do before publishing: read the run, store its samples.</summary>
public sealed class SelfRepairStartTests
{
    private readonly InMemoryRunStore _runs = new();
    private readonly InMemoryProblemStore _problems = new();
    private readonly InMemoryCodegenStore _codegen = new();

    [Fact]
    public async Task An_official_eval_all_file_is_stored_under_the_new_run_and_sets_n_and_the_problems()
    {
        var file = LcbTestData.File("generations/qwen2.5-7b-instruct.codegeneration.eval_all.jsonl");
        var expected = EvalAllFile.Read(file);

        var start = await Starter().AttachAsync(Start(), file, default);

        Assert.Equal(file, start.Codegen!.Source);
        Assert.Equal(expected.Problems.Select(p => p.QuestionId), start.Codegen.ProblemIds);
        Assert.Equal(expected.Problems[0].Samples.Count, start.Sampling.N);
        var stored = await _codegen.GetAsync(start.RunId, expected.Problems[3].QuestionId);
        Assert.Equal(expected.Problems[3].Samples, stored!.Samples);
    }

    [Fact]
    public async Task A_finished_pipeline_run_is_read_from_the_run_and_problem_stores_by_the_start_of_its_id()
    {
        var runId = await FinishedRun("codegeneration", complete: true);

        var start = await Starter().AttachAsync(Start(), runId.ToString("N")[..8], default);

        Assert.Equal($"run {runId}", start.Codegen!.Source);
        Assert.Equal(["p1", "p2"], start.Codegen.ProblemIds);
        Assert.Equal(2, start.Sampling.N);
        var p2 = await _codegen.GetAsync(start.RunId, "p2");
        Assert.Equal("question p2", p2!.QuestionContent);
        Assert.Equal(["p2 out 0", "p2 out 1"], p2.Samples.Select(s => s.Output));
        Assert.Equal([true, false], p2.Samples.Select(s => s.Passed));
        Assert.Equal("""{"error_code": -2}""", p2.Samples[1].MetadataJson);
    }

    [Theory]
    [InlineData("codegeneration", false, "is not finished")]
    [InlineData("codeexecution", true, "self-repair repairs a codegeneration run")]
    public async Task A_run_that_is_not_a_finished_code_generation_run_is_refused(string scenario, bool complete, string reason)
    {
        var runId = await FinishedRun(scenario, complete);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Starter().AttachAsync(Start(), runId.ToString(), default));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task A_name_that_is_neither_a_file_nor_a_run_is_not_found()
    {
        await Assert.ThrowsAsync<RunNotFoundException>(() => Starter().AttachAsync(Start(), "no-such-thing", default));
    }

    private SelfRepairStart Starter() => new(new CodegenRunReader(_runs, _problems), _codegen);

    private static StartEvaluation Start() => new()
    {
        RunId = Guid.NewGuid(), Model = "m", BaseUrl = "http://m", Selection = new DatasetSelection { Release = "release_latest" }, Scenario = "selfrepair",
    };

    private async Task<Guid> FinishedRun(string scenario, bool complete)
    {
        var run = new RunRegistration
        {
            RunId = Guid.NewGuid(), Model = "m", SamplesPerProblem = 2, Ks = [1], StartedAt = DateTimeOffset.UnixEpoch,
            Problems = [.. new[] { "p1", "p2" }.Select(id => new RunProblem { ProblemId = id, Difficulty = "easy", Platform = "atcoder", ContestDate = DateTime.UnixEpoch })],
            Request = Start() with { Scenario = scenario },
        };
        await _runs.RegisterAsync(run);
        foreach (var id in new[] { "p1", "p2" })
        {
            await _problems.PutAsync(new Problem
            {
                QuestionId = id, QuestionTitle = id, QuestionContent = $"question {id}", Platform = "atcoder", ContestId = "c",
                ContestDate = DateTime.UnixEpoch, StarterCode = "", Difficulty = "easy", Metadata = "{}", SuiteHash = "h", PublicTests = 1, PrivateTests = 0,
            });
            for (var sample = 0; sample < 2; sample++)
            {
                await _runs.RecordAsync(run.RunId, new SampleVerdict
                {
                    ProblemId = id, SampleIndex = sample, Passed = sample == 0, Results = [sample == 0 ? 1 : -2],
                    MetadataJson = sample == 0 ? "{}" : """{"error_code": -2}""", Code = $"{id} code {sample}", RawOutput = $"{id} out {sample}",
                });
            }
        }
        if (complete)
        {
            await _runs.TryCompleteAsync(RunReport.Build(run, await _runs.GetCountsAsync(run.RunId), DateTimeOffset.UnixEpoch));
        }
        return run.RunId;
    }
}
