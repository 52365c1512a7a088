using System.CommandLine;
using Pipeline.Cli.Commands.Grade;
using Pipeline.Core.Scenarios;
using Pipeline.Dataset;
using Pipeline.Generation.Extraction;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading;
using Pipeline.Grading.Timings;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>lcb grade</c>: grade generations made elsewhere, in-process, and write the official reports.</summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var problems = new Option<string>("--problems") { Description = "dataset .jsonl file, or a folder of test*.jsonl", Required = true };
        var release = new Option<string?>("--release") { Description = "release_v1 … release_v6, vN, vA_vB or release_latest (folder only)" };
        var generations = new Option<FileInfo>("--generations") { Description = "official _eval_all.json/.jsonl or {question_id, code_list} rows", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "folder for eval_all.json, eval.json and verdicts.jsonl", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "per-test timeout, seconds", DefaultValueFactory = _ => SampleGrader.DefaultTimeoutSeconds };
        var workers = new Option<int>("--workers") { Description = "samples graded at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var resume = new Option<bool>("--resume") { Description = $"continue an interrupted grading in --out ({GradeJournal.FileName}): graded samples are skipped" };
        var sandbox = new Option<string>("--sandbox") { Description = "process or docker", DefaultValueFactory = _ => "process" };
        sandbox.AcceptOnlyFromAmong([.. SandboxFactory.Kinds]);
        var extract = new Option<bool>("--extract") { Description = "take the answers out of each row's output_list as the official runner does (else code_list/pred_list as given)" };
        var scenario = new ScenarioOptions();
        var timings = new Option<bool>("--timings") { Description = "print where the time went, by phase" };
        var grade = new Command("grade", "grade generations made elsewhere exactly as the official LCB runner, and write its reports");
        foreach (var option in new Option[] { problems, release, generations, output, timeout, workers, sandbox, resume, extract, timings })
        {
            grade.Add(option);
        }
        scenario.AddTo(grade);
        grade.SetAction(async (parse, cancellationToken) =>
        {
            using var listener = parse.GetValue(timings) ? new GradingTimingsListener() : null;
            GradingTimings.Record("1 process start to the grade command", DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime);
            try
            {
                var folder = parse.GetValue(output)!.FullName;
                if (File.Exists(folder))
                {
                    throw new ArgumentException($"--out {folder} is a file; give a folder (it gets eval_all.json, eval.json and verdicts.jsonl)");
                }
                var chosen = scenario.Scenario(parse);
                await using var backend = SandboxFactory.Create(new SandboxOptions { Backend = parse.GetValue(sandbox)!, Workers = Math.Max(1, parse.GetValue(workers)) });
                var warming = backend.WarmUpAsync(cancellationToken); // the workers start while the files are read
                GradeJob job;
                using (GradingTimings.Measure("2 read problems and generations"))
                {
                    job = GradeJob.Load(parse.GetValue(problems)!, parse.GetValue(release), parse.GetValue(generations)!.FullName, chosen,
                        parse.GetValue(extract) ? OfficialExtraction.Of(chosen, scenario.Cot(parse)) : null);
                }
                using (GradingTimings.Measure("3 wait for the workers after reading"))
                {
                    await warming;
                }
                using var journal = GradeJournal.Open(folder, parse.GetValue(resume));
                if (journal.Graded.Count > 0)
                {
                    AnsiConsole.MarkupLine($"resuming: {journal.Graded.Count} samples already graded");
                }
                IReadOnlyList<Pipeline.Runs.Export.ExportedProblem> graded;
                try
                {
                    using (GradingTimings.Measure("4 grade every sample (wall)"))
                    {
                        graded = await GradeProgress.RunAsync(job, new SampleGrader(backend), parse.GetValue(timeout), parse.GetValue(workers), cancellationToken, journal);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    await Console.Error.WriteLineAsync($"interrupted: the verdicts so far are kept in {Path.Combine(folder, GradeJournal.FileName)}; the same command with --resume grades the rest");
                    return ExitCodes.Interrupted;
                }
                IReadOnlyDictionary<string, double> metrics;
                using (GradingTimings.Measure("5 write reports"))
                {
                    metrics = GradeReports.Write(graded, folder);
                }
                journal.Complete();
                foreach (var (key, value) in metrics)
                {
                    AnsiConsole.MarkupLine($"{key}: [green]{(chosen == Scenario.CodeExecution ? value : value * 100):F2}[/]");
                }
                AnsiConsole.MarkupLine($"wrote eval_all.json, eval.json and verdicts.jsonl to {Markup.Escape(folder)}");
                if (listener is not null)
                {
                    TimingsTable.Print(listener);
                }
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or DatasetException or FileNotFoundException or ArgumentException or NotSupportedException or SandboxFaultException)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return 2;
            }
        });
        return grade;
    }
}
