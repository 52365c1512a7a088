using Pipeline.Cli.Commands;
using Pipeline.Runs.Export;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Pipeline.UnitTests.Scoring;

namespace Pipeline.UnitTests.Cli;

public sealed class ExportCommandTests
{
    private readonly InMemoryRunStore _store = new();
    private readonly Guid _runId = Guid.NewGuid();

    [Fact]
    public async Task A_completed_run_is_handed_to_the_writer_in_problem_then_sample_order()
    {
        var writer = new RecordingWriter();
        await ScoreAsync(ScorerFixtures.AllGraded(_runId, 3, (_, i) => i == 1).AsEnumerable().Reverse());

        await ExportCommand.ExecuteAsync(_store, ScorerFixtures.Store(), writer, _runId.ToString(), "out", default);

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
            ExportCommand.ExecuteAsync(_store, ScorerFixtures.Store(), writer, _runId.ToString(), "out", default));

        Assert.Contains("8/9", error.Message);
        Assert.Null(writer.Folder);
    }

    private async Task ScoreAsync(IEnumerable<Pipeline.Contracts.SolutionGraded> verdicts)
    {
        var scorer = new RunScorer(_store, TimeProvider.System);
        await scorer.RegisterAsync(ScorerFixtures.Started(_runId, 3), DateTimeOffset.UtcNow);
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
