using System.Diagnostics;
using System.Text.Json;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Contracts;
using Pipeline.Dataset;

namespace Pipeline.Bench.Official;

/// <summary>
/// The worker side of the breakdown: every sample of a set sent, one at a time, to the harness's sandboxed
/// worker wrapped in timers (harness_profile.py: per-sample namespaces and limits as in production, outside
/// bubblewrap), which prints where its time went.
/// </summary>
internal static class HarnessProfile
{
    public static async Task<string> RunAsync(BenchSet set, string scratch)
    {
        var suites = DatasetReader.Read(set.ProblemsFile, new DatasetSelection { Release = "release_latest" }, new DatasetReport())
            .ToDictionary(e => e.Problem.QuestionId, e => e.Suite);
        var requests = Path.Combine(scratch, "requests.jsonl");
        await using (var writer = new StreamWriter(requests))
        {
            foreach (var line in File.ReadLines(set.GenerationsFile))
            {
                using var row = JsonDocument.Parse(line);
                var suite = suites[row.RootElement.GetProperty("question_id").GetString()!];
                foreach (var code in row.RootElement.GetProperty("code_list").EnumerateArray())
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(WorkerRequest.From(new SandboxRequest(code.GetString()!, suite, 6))));
                }
            }
        }
        var tmpRoot = Directory.CreateDirectory(Path.Combine(scratch, "samples")).FullName;
        var start = new ProcessStartInfo("/usr/bin/python3",
            [Path.Combine(AppContext.BaseDirectory, "harness_profile.py"), HarnessFiles.Directory, "--tmp-root", tmpRoot])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var python = Process.Start(start)!;
        var replies = python.StandardOutput.ReadToEndAsync();
        var table = python.StandardError.ReadToEndAsync();
        await using (var input = File.OpenRead(requests))
        {
            await input.CopyToAsync(python.StandardInput.BaseStream);
        }
        python.StandardInput.Close();
        await python.WaitForExitAsync();
        await replies;
        return await table;
    }
}
