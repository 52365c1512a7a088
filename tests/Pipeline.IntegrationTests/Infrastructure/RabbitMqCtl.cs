using System.Diagnostics;

namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>The broker's own admin tool (the management plugin is off): virtual hosts, queue listings.</summary>
public static class RabbitMqCtl
{
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(" ", arguments)} failed ({process.ExitCode}): {await stderr}");
        }
        return await stdout;
    }
}
