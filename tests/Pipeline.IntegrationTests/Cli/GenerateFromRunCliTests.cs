using Pipeline.Cli;
using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Stores;
using Pipeline.Dataset;
using Pipeline.Generation.SelfRepair;
using Pipeline.IntegrationTests.Infrastructure;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using StackExchange.Redis;

namespace Pipeline.IntegrationTests.Cli;

/// <summary>
/// `lcb generate --scenario selfrepair --codegen RUN`, the real executable: a completed code-generation run in Redis
/// (by the start of its id) gives the same repair prompts as the same answers and verdicts in an official eval_all file.
/// </summary>
public sealed class GenerateFromRunCliTests : IAsyncLifetime, IDisposable
{
    private readonly string _prefix = $"test-generate-run-{Guid.NewGuid():N}:";
    private readonly string _folder = Directory.CreateTempSubdirectory("lcb-generate-run-").FullName;
    private IConnectionMultiplexer? _redis;

    [Fact]
    public async Task A_completed_run_is_repaired_as_its_eval_all_file_is()
    {
        var recording = EvalAllFile.Read(LcbTestData.Recording("qwen2.5-7b-instruct"));
        var bundled = Bundled().Select(p => p.QuestionId).ToHashSet();
        var answered = recording.Problems.Where(p => bundled.Contains(p.QuestionId) && p.Samples.Any(s => !s.Passed)).Take(3).ToList();
        var runId = await CompletedRunAsync(answered);
        var file = Path.Combine(_folder, "codegen.eval_all.jsonl");
        File.WriteAllLines(file, File.ReadLines(LcbTestData.Recording("qwen2.5-7b-instruct"))
            .Where(line => answered.Any(p => line.Contains($"\"question_id\": \"{p.QuestionId}\"", StringComparison.Ordinal))));

        var fromRun = await PromptsAsync(runId.ToString("N")[..8]);
        var fromFile = await PromptsAsync(file);

        Assert.Equal(answered.Sum(p => p.Samples.Count(s => !s.Passed)), fromRun.Length);
        Assert.Equal(fromFile, fromRun);
        var notFound = await BadInputTests.RunAsync(ExitCodes.Failed, Generate("no-such-run", Path.Combine(_folder, "none.jsonl")));
        Assert.Contains("no-such-run", notFound);
    }

    private async Task<string[]> PromptsAsync(string codegen)
    {
        var output = Path.Combine(_folder, $"prompts-{Guid.NewGuid():N}.jsonl");
        await BadInputTests.RunAsync(ExitCodes.Ok, Generate(codegen, output));
        return File.ReadAllLines(output);
    }

    private string[] Generate(string codegen, string output) =>
    [
        "generate", "--scenario", "selfrepair", "--codegen", codegen, "--problems", LcbTestData.ProblemsFile, "--prompts-only", "--out", output,
        "--redis", Servers.Redis, "--key-prefix", _prefix,
    ];

    /// <summary>The recording's answers and verdicts of <paramref name="answered"/> as a completed run, as the Scorer leaves one.</summary>
    private async Task<Guid> CompletedRunAsync(IReadOnlyList<CodegenProblem> answered)
    {
        var keys = new RedisKeys(_prefix);
        var runs = new RedisRunStore(_redis!, keys);
        var problems = new RedisProblemStore(_redis!, keys);
        var ids = answered.Select(p => p.QuestionId).ToHashSet();
        var bundled = Bundled().Where(p => ids.Contains(p.QuestionId)).ToList();
        var run = new RunRegistration
        {
            RunId = Guid.NewGuid(), Model = "qwen2.5-7b-instruct", SamplesPerProblem = answered[0].Samples.Count, Ks = [1], StartedAt = DateTimeOffset.UtcNow,
            Problems = [.. bundled.Select(p => new RunProblem { ProblemId = p.QuestionId, Difficulty = p.Difficulty, Platform = p.Platform, ContestDate = p.ContestDate })],
            Request = new StartEvaluation
            {
                RunId = Guid.Empty, Model = "qwen2.5-7b-instruct", BaseUrl = "http://127.0.0.1:1/v1", Selection = new DatasetSelection { Release = "release_latest" },
            },
        };
        await runs.RegisterAsync(run with { Request = run.Request! with { RunId = run.RunId } });
        foreach (var problem in bundled)
        {
            await problems.PutAsync(problem);
        }
        foreach (var problem in answered)
        {
            for (var index = 0; index < problem.Samples.Count; index++)
            {
                var sample = problem.Samples[index];
                await runs.RecordAsync(run.RunId, new SampleVerdict
                {
                    ProblemId = problem.QuestionId, SampleIndex = index, Passed = sample.Passed, Results = [sample.Passed ? 1 : -2],
                    MetadataJson = sample.MetadataJson, Code = sample.Code, RawOutput = sample.Output,
                });
            }
        }
        await runs.TryCompleteAsync(RunReport.Build(run, await runs.GetCountsAsync(run.RunId), DateTimeOffset.UtcNow));
        return run.RunId;
    }

    private static IEnumerable<Problem> Bundled() =>
        DatasetReader.Read(LcbTestData.ProblemsFile, new DatasetSelection { Release = "release_latest" }, new DatasetReport()).Select(entry => entry.Problem);

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await TestKeys.DeleteAsync(_redis, _prefix);
            await _redis.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
