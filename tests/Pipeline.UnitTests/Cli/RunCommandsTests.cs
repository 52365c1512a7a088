using System.Text.Json;
using Pipeline.Cli.Commands;
using Pipeline.Cli.Runs;
using Pipeline.Runs;
using Pipeline.Runs.Scoring;
using Pipeline.UnitTests.Scoring;
using Spectre.Console;

namespace Pipeline.UnitTests.Cli;

/// <summary>The read commands over an in-memory store: what a user sees mid-run and after completion.</summary>
public sealed class RunCommandsTests
{
    private readonly InMemoryRunStore _store = new();
    private readonly StringWriter _output = new();
    private readonly IAnsiConsole _console;

    public RunCommandsTests() => _console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(_output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
    });

    [Fact]
    public async Task Results_by_difficulty_of_a_completed_run_show_each_group_and_the_total()
    {
        var runId = await ScoredRunAsync(complete: true);

        await ResultsCommand.ExecuteAsync(_store, _console, runId.ToString(), Breakdown.Difficulty, DateWindow.All, json: false, default);

        var lines = _output.ToString().Split('\n');
        Assert.Contains(lines, l => l.Contains("easy") && l.Contains("100.0"));
        Assert.Contains(lines, l => l.Contains("hard") && l.Contains("0.0"));
        Assert.Contains(lines, l => l.Contains("all") && l.Contains("50.0"));
    }

    [Fact]
    public async Task Json_results_mid_run_are_provisional_and_score_only_complete_problems()
    {
        var runId = await ScoredRunAsync(complete: false);

        await ResultsCommand.ExecuteAsync(_store, _console, runId.ToString("N")[..6], null, DateWindow.All, json: true, default);

        using var document = JsonDocument.Parse(_output.ToString());
        Assert.True(document.RootElement.GetProperty("provisional").GetBoolean());
        var overall = document.RootElement.GetProperty("overall");
        Assert.Equal(2, overall.GetProperty("problems").GetInt32());
        Assert.Equal(0.75, overall.GetProperty("passAtK").GetProperty("pass@1").GetDouble(), 12);
    }

    [Fact]
    public async Task Results_count_samples_with_no_answer_apart_from_wrong_answers_and_the_store_keeps_why()
    {
        var runId = Guid.NewGuid();
        var scorer = new RunScorer(_store, TimeProvider.System);
        await scorer.RegisterAsync(ScorerFixtures.Started(runId, 2), DateTimeOffset.UtcNow);
        foreach (var graded in ScorerFixtures.AllGraded(runId, 2, (id, _) => id == "p-easy"))
        {
            var unanswered = graded.ProblemId == "p-hard" && graded.SampleIndex == 1;
            await scorer.RecordAsync(unanswered ? graded with { GenerationIssue = "empty answer", Code = "" } : graded);
        }

        await ResultsCommand.ExecuteAsync(_store, _console, runId.ToString(), null, DateWindow.All, json: true, default);

        using var document = JsonDocument.Parse(_output.ToString());
        Assert.Equal(1, document.RootElement.GetProperty("noAnswer").GetInt32());
        var stored = Assert.Single(await _store.GetVerdictsAsync(runId), v => v.GenerationIssue is not null);
        Assert.Equal(("p-hard", 1, "empty answer", false), (stored.ProblemId, stored.SampleIndex, stored.GenerationIssue, stored.Passed));
    }

    [Fact]
    public async Task Status_mid_run_shows_counts_and_the_provisional_pass_at_1()
    {
        var runId = await ScoredRunAsync(complete: false);

        await StatusCommand.ExecuteAsync(_store, _console, runId.ToString(), default);

        var text = _output.ToString();
        Assert.Contains("running", text);
        Assert.Contains("2/3", text);
        Assert.Contains("5/6", text);
        Assert.Contains("75.0", text);
    }

    [Fact]
    public async Task Compare_prints_both_scores_their_difference_and_an_interval()
    {
        var a = await ScoredRunAsync(complete: true);
        var b = await ScoredRunAsync(complete: true, allPass: true);

        await CompareCommand.ExecuteAsync(_store, _console, a.ToString(), b.ToString(), 1000, 1, default);

        var lines = _output.ToString().Split('\n');
        var all = lines.Single(l => l.Contains("all"));
        Assert.Contains("50.0", all);
        Assert.Contains("100.0", all);
        Assert.Contains("+50.0", all);
        var header = lines.Single(l => l.Contains("B − A"));
        Assert.True(header.IndexOf($"A {a:N}"[..10], StringComparison.Ordinal) < header.IndexOf($"B {b:N}"[..10], StringComparison.Ordinal), header);
        Assert.Contains($"A = run {a}: ", _output.ToString());
        Assert.Contains($"B = run {b}: ", _output.ToString());
        Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= 80, line));
    }

    [Fact]
    public async Task An_unknown_run_is_named_in_the_error()
    {
        var error = await Assert.ThrowsAsync<RunNotFoundException>(() =>
            StatusCommand.ExecuteAsync(_store, _console, "feedbeef", default));

        Assert.Contains("feedbeef", error.Message);
    }

    /// <summary>A run of 3 problems × 2 samples: easy passes, medium passes once, hard fails; mid-run lacks hard's last sample.</summary>
    private async Task<Guid> ScoredRunAsync(bool complete, bool allPass = false)
    {
        var runId = Guid.NewGuid();
        var scorer = new RunScorer(_store, TimeProvider.System);
        await scorer.RegisterAsync(ScorerFixtures.Started(runId, 2), DateTimeOffset.UtcNow);
        var verdicts = ScorerFixtures.AllGraded(runId, 2, (id, i) => allPass || id == "p-easy" || (id == "p-medium" && i == 0));
        foreach (var graded in complete ? verdicts : verdicts.SkipLast(1))
        {
            await scorer.RecordAsync(graded);
        }
        return runId;
    }
}
