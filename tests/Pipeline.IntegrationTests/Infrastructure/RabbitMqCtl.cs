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

    /// <summary>A fresh virtual host guest may use, so a test's queues keep their production names without meeting anyone else's.</summary>
    public static async Task<string> AddVirtualHostAsync(string name)
    {
        await RunAsync("add_vhost", name);
        await RunAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    public static Task DeleteVirtualHostAsync(string name) => RunAsync("delete_vhost", name);
}
