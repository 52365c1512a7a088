using System.Diagnostics;
using System.Text.Json;
using Pipeline.Core.Problems;
using Pipeline.Grading.Sandbox;

namespace Pipeline.Bench;

/// <summary>
/// Throughput of the official runner's process structure, measured on the same corpus: a pool of N
/// worker processes (its ProcessPoolExecutor), and per sample a fresh multiprocessing.Manager (a server
/// process) plus a fresh multiprocessing.Process that grades and reports through manager lists, as
/// lcb_runner's check_correctness does. The grading inside is our faithful one-process loop (reference_grader.py over the harness's lcb_grader.py),
/// so the difference measured is the per-sample process cost, not the grading.
/// </summary>
public static class OfficialRunnerEquivalent
{
    public static async Task<double> SamplesPerSecondAsync(IReadOnlyList<(string Code, TestSuite Suite)> corpus, int workers)
    {
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(input, corpus.Select(sample => JsonSerializer.Serialize(new
            {
                code = sample.Code,
                inputs = sample.Suite.Tests.Select(t => t.Input),
                outputs = sample.Suite.Tests.Select(t => t.Output),
                fn_name = sample.Suite.FuncName,
            })));
            var script = Path.Combine(AppContext.BaseDirectory, "official_runner_equivalent.py");
            using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, HarnessFiles.Directory, input, $"{workers}"])
            {
                RedirectStandardOutput = true,
            })!;
            var lastLine = (await python.StandardOutput.ReadToEndAsync()).TrimEnd().Split('\n')[^1];
            var seconds = double.Parse(lastLine, System.Globalization.CultureInfo.InvariantCulture);
            await python.WaitForExitAsync();
            return corpus.Count / seconds;
        }
        finally
        {
            File.Delete(input);
        }
    }
}
