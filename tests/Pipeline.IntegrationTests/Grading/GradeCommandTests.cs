using Pipeline.IntegrationTests.Infrastructure;
using System.Text.Json;
using Pipeline.Cli.Commands.Grade;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Sandbox.Process;

namespace Pipeline.IntegrationTests.Grading;

/// <summary>lcb grade's engine end to end on real generations: official reports and verdicts.jsonl.</summary>
[Collection(InProcessGradeCollection.Name)]
public sealed class GradeCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("lcb-grade-test-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Grades_plain_rows_and_writes_the_official_layout()
    {
        var official = LcbTestData.OfficialVerdicts("o1-mini").ToDictionary(s => s.QuestionId);
        var job = GradeJob.Load(LcbTestData.ProblemsFile, null, LcbTestData.PublicVerdictsFile("o1-mini"));
        await using var sandbox = new BubblewrapSandbox(new SandboxOptions { Workers = 2 });

        var graded = await GradeProgress.RunAsync(job, new SampleGrader(sandbox), 6, 2, CancellationToken.None);
        var metrics = GradeReports.Write(graded, _out);

        var evalAll = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "eval_all.json"))).RootElement;
        var ids = evalAll.EnumerateArray().Select(r => r.GetProperty("question_id").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        foreach (var row in evalAll.EnumerateArray())
        {
            var sample = official[row.GetProperty("question_id").GetString()!];
            Assert.Equal(sample.Passed, row.GetProperty("graded_list")[0].GetBoolean());
            Assert.Equal(sample.Passed ? 1.0 : 0.0, row.GetProperty("pass@1").GetDouble());
            JsonDocument.Parse(row.GetProperty("metadata")[0].GetString()!); // metadata entries are JSON text
        }
        var eval = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "eval.json"))).RootElement;
        var expectedPassAt1 = official.Values.Count(s => s.Passed) / (double)official.Count;
        Assert.Equal(3, eval.GetArrayLength());
        Assert.Equal(expectedPassAt1, eval[0].GetProperty("pass@1").GetDouble(), 12);
        Assert.Equal(expectedPassAt1, metrics["pass@1"], 12);
        Assert.Equal(official.Count, eval[1].EnumerateObject().Count());
        Assert.Equal(official.Count, File.ReadLines(Path.Combine(_out, "verdicts.jsonl")).Count());
    }

    [Fact]
    public async Task Resuming_grades_only_the_samples_the_interrupted_run_did_not_keep()
    {
        var official = LcbTestData.OfficialVerdicts("o1-mini").Where(s => s.SampleIndex == 0).Take(4).ToList();
        var generations = Path.Combine(_out, "gen.jsonl");
        File.WriteAllLines(generations, official.Select(s => JsonSerializer.Serialize(new { question_id = s.QuestionId, code_list = new[] { s.Code } })));
        var job = GradeJob.Load(LcbTestData.ProblemsFile, null, generations);
        var folder = Path.Combine(_out, "report");
        // What an interrupted run kept: a verdict for the first sample that grading it again would not give.
        Directory.CreateDirectory(folder);
        var kept = official[0];
        File.WriteAllText(Path.Combine(folder, GradeJournal.FileName),
            JsonSerializer.Serialize(new { questionId = kept.QuestionId, sampleIndex = 0, results = new[] { -4 }, metadataJson = "{\"kept\": true}", elapsedMs = 1.0 })
            + "\n{\"questionId\": \"cut sh");

        Assert.Throws<ArgumentException>(() => GradeJournal.Open(folder, resume: false));
        await using var sandbox = new BubblewrapSandbox(new SandboxOptions { Workers = 2 });
        using (var journal = GradeJournal.Open(folder, resume: true))
        {
            Assert.Single(journal.Graded);
            var graded = await GradeProgress.RunAsync(job, new SampleGrader(sandbox), 6, 2, CancellationToken.None, journal);
            GradeReports.Write(graded, folder);
            // The kept line, the line cut short, and the three samples graded now, each on a line of its own.
            Assert.Equal(5, File.ReadLines(Path.Combine(folder, GradeJournal.FileName)).Count());
            journal.Complete();
        }

        Assert.False(File.Exists(Path.Combine(folder, GradeJournal.FileName)));
        var verdicts = File.ReadLines(Path.Combine(folder, "verdicts.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(v => v.GetProperty("question_id").GetString()!);
        Assert.True(verdicts[kept.QuestionId].GetProperty("metadata").GetProperty("kept").GetBoolean());
        foreach (var sample in official.Skip(1))
        {
            Assert.Equal(sample.Passed, verdicts[sample.QuestionId].GetProperty("passed").GetBoolean());
        }
    }

    [Fact]
    public void Generations_naming_unknown_problems_are_refused_with_their_ids()
    {
        var generations = Path.Combine(_out, "gen.jsonl");
        File.WriteAllText(generations, """{"question_id": "no-such-problem", "code_list": ["print(1)"]}""");
        var error = Assert.Throws<InvalidDataException>(() => GradeJob.Load(LcbTestData.ProblemsFile, null, generations));
        Assert.Contains("no-such-problem", error.Message);
    }
}
