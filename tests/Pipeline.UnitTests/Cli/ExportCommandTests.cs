using System.Text.Json;
using Pipeline.Cli.Commands;
using Pipeline.Contracts;
using Pipeline.Generation.SelfRepair;
using Pipeline.Runs.Reports;
using Pipeline.Runs.Export;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Pipeline.UnitTests.Scoring;

namespace Pipeline.UnitTests.Cli;

public sealed class ExportCommandTests
{
    private readonly InMemoryRunStore _store = new();
    private readonly Guid _runId = Guid.NewGuid();
    private readonly InMemoryCodegenStore _codegen = new();

    [Fact]
    public async Task A_completed_run_is_handed_to_the_writer_in_problem_then_sample_order()
    {
        var writer = new RecordingWriter();
        await ScoreAsync(ScorerFixtures.AllGraded(_runId, 3, (_, i) => i == 1).AsEnumerable().Reverse());

        await ExportCommand.ExecuteAsync(Stores(), writer, _runId.ToString(), "out", default);

        Assert.Equal("out", writer.Folder);
        Assert.Equal(ScorerFixtures.Problems.Select(p => p.QuestionId), writer.Problems.Select(p => p.Problem.QuestionId));
        var first = writer.Problems[0];
        Assert.Equal(["print(0)", "print(1)", "print(2)"], first.CodeList);
        Assert.Equal(["```python\nprint(0)\n```", "```python\nprint(1)\n```", "```python\nprint(2)\n```"], first.OutputList);
        Assert.Equal([false, true, false], first.Samples.Select(s => s.Passed));
    }

    [Fact]
    public async Task A_running_run_is_refused_with_its_progress()
    {
        var writer = new RecordingWriter();
        await ScoreAsync(ScorerFixtures.AllGraded(_runId, 3, (_, _) => true).Skip(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ExportCommand.ExecuteAsync(Stores(), writer, _runId.ToString(), "out", default));

        Assert.Contains("8/9", error.Message);
        Assert.Null(writer.Folder);
    }

    [Fact]
    public async Task A_self_repair_run_is_written_with_the_keys_the_official_runner_writes_original_code_list_included()
    {
        var codegen = new CodegenRun
        {
            Source = "codegen.eval_all.json",
            Problems = [.. ScorerFixtures.Problems.Select(p => new CodegenProblem
            {
                QuestionId = p.QuestionId, QuestionContent = "",
                Samples = [.. Enumerable.Range(0, 3).Select(i => new CodegenSample { Output = "", Code = $"{p.QuestionId} original {i}", Passed = false, MetadataJson = "{}" })],
            })],
        };
        await _codegen.PutAsync(_runId, codegen);
        await ScoreAsync(ScorerFixtures.AllGraded(_runId, 3, (_, i) => i == 1), new CodegenSource { Source = codegen.Source, ProblemIds = ["p-easy", "p-medium", "p-hard"] });
        var folder = Directory.CreateTempSubdirectory("lcb-export-selfrepair-").FullName;
        try
        {
            await ExportCommand.ExecuteAsync(Stores(), new OfficialEvalWriter(), _runId.ToString(), folder, default);

            var official = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Repository.File("tests", "data", "scenarios", "selfrepair.official.keys.json")));
            using var written = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "eval_all.json")));
            Assert.All(written.RootElement.EnumerateArray(), row => Assert.Equal(official, row.EnumerateObject().Select(p => p.Name)));
            var easy = written.RootElement.EnumerateArray().Single(row => row.GetProperty("question_id").GetString() == "p-easy");
            Assert.Equal(["p-easy original 0", "p-easy original 1", "p-easy original 2"], easy.GetProperty("original_code_list").EnumerateArray().Select(c => c.GetString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_self_repair_run_whose_original_code_is_gone_is_refused_with_the_reason()
    {
        await ScoreAsync(ScorerFixtures.AllGraded(_runId, 3, (_, _) => true), new CodegenSource { Source = "run x", ProblemIds = ["p-easy"] });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ExportCommand.ExecuteAsync(Stores(), new RecordingWriter(), _runId.ToString(), "out", default));

        Assert.Contains("original_code_list cannot be written", error.Message);
    }

    private ExportCommand.ExportStores Stores() => new(_store, ScorerFixtures.Store(), _codegen);

    private async Task ScoreAsync(IEnumerable<Pipeline.Contracts.SolutionGraded> verdicts, CodegenSource? codegen = null)
    {
        var scorer = new RunScorer(_store, TimeProvider.System);
        var started = ScorerFixtures.Started(_runId, 3);
        await scorer.RegisterAsync(codegen is null ? started : started with
        {
            Request = new StartEvaluation
            {
                RunId = _runId, Model = started.Model, BaseUrl = "http://m", Selection = new DatasetSelection { Release = "release_latest" }, Scenario = "selfrepair",
                Codegen = codegen,
            },
        }, DateTimeOffset.UtcNow);
        foreach (var graded in verdicts)
        {
            await scorer.RecordAsync(graded);
        }
    }

    private sealed class RecordingWriter : IRunExportWriter
    {
        public IReadOnlyList<ExportedProblem> Problems { get; private set; } = [];
        public string? Folder { get; private set; }

        public Task WriteAsync(IReadOnlyList<ExportedProblem> problems, string folder, CancellationToken cancellationToken = default)
        {
            (Problems, Folder) = (problems, folder);
            return Task.CompletedTask;
        }
    }
}
