using System.Diagnostics;

namespace Pipeline.IntegrationTests.Api;

/// <summary>A RabbitMQ virtual host of the test's own, so services on the shared broker never see its messages.</summary>
internal sealed class RabbitVirtualHost : IAsyncDisposable
{
    private RabbitVirtualHost(string name) => Name = name;

    public string Name { get; }

    public static async Task<RabbitVirtualHost> CreateAsync(string name)
    {
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new RabbitVirtualHost(name);
    }

    public async ValueTask DisposeAsync() => await CtlAsync("delete_vhost", Name);

    private static async Task CtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(" ", arguments)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
