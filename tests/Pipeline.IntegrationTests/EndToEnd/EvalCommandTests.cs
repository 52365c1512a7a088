using Pipeline.IntegrationTests.Infrastructure;

namespace Pipeline.IntegrationTests.EndToEnd;

/// <summary>`lcb eval` as a user runs it, against a broker that is not there.</summary>
public sealed class EvalCommandTests
{
    [Fact]
    public async Task Eval_with_no_broker_listening_exits_with_a_clear_error()
    {
        var nobodyListens = FreePort.Next();
        using var lcb = ServiceProcess.StartLcb(
            ["eval", "--model", "m", "--base-url", "http://127.0.0.1:1/v1", "--connect-timeout", "3"],
            new Dictionary<string, string> { ["Bus:Port"] = nobodyListens.ToString() });
        // Far beyond the 3 s asked for: only a process that hangs, as before the fix, reaches it.
        var exitCode = await lcb.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(exitCode is not null, "lcb eval still waits for the broker after 2 minutes\n" + lcb.Output());
        Assert.Equal(1, exitCode);
        Assert.Contains("error: RabbitMQ not reachable within 3 s", lcb.Output());
        Assert.Contains($":{nobodyListens}", lcb.Output());
    }
}
