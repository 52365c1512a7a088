using System.Diagnostics;

namespace Pipeline.TestSupport;

/// <summary>Runs a server's command line tool (rabbitmqctl, redis-cli, rabbitmq-server) and returns its output; a failure throws with its stderr.</summary>
public static class ExternalCommand
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(" ", start.ArgumentList)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
        return await stdout;
    }
}
