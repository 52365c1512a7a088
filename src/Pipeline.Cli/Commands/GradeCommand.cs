using System.CommandLine;
using Pipeline.Cli.Commands.Grade;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Dataset;
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
        var sandbox = new Option<string>("--sandbox") { Description = "process or docker", DefaultValueFactory = _ => "process" };
        sandbox.AcceptOnlyFromAmong([.. SandboxFactory.Kinds]);
        var grade = new Command("grade", "grade generations made elsewhere exactly as the official LCB runner, and write its reports");
        foreach (var option in new Option[] { problems, release, generations, output, timeout, workers, sandbox })
        {
            grade.Add(option);
        }
        grade.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var job = GradeJob.Load(parse.GetValue(problems)!, parse.GetValue(release), parse.GetValue(generations)!.FullName);
                await using var backend = SandboxFactory.Create(new SandboxOptions { Backend = parse.GetValue(sandbox)!, Workers = Math.Max(1, parse.GetValue(workers)) });
                var graded = await GradeProgress.RunAsync(job, new SampleGrader(backend), parse.GetValue(timeout), parse.GetValue(workers), cancellationToken);
                var folder = parse.GetValue(output)!.FullName;
                var metrics = GradeReports.Write(graded, folder);
                foreach (var (key, value) in metrics)
                {
                    AnsiConsole.MarkupLine($"{key}: [green]{value * 100:F2}[/]");
                }
                AnsiConsole.MarkupLine($"wrote eval_all.json, eval.json and verdicts.jsonl to {Markup.Escape(folder)}");
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
