namespace Pipeline.IntegrationTests.Api;

/// <summary>
/// The API host (the real services/Api process) refuses watcher settings it cannot use as it starts: one log line
/// naming the setting, exit code 1, no stack trace; not a host that starts and has every run refused later.
/// </summary>
public sealed class WatchSettingsAtStartTests
{
    [Theory]
    [InlineData("selfrepair", "Watch:Scenario: a watcher cannot start self-repairs")]
    [InlineData("codegen", "Watch:Scenario: ")]
    public async Task A_scenario_the_watcher_cannot_start_stops_the_api_with_one_line_naming_the_setting(string scenario, string expected)
    {
        var settings = Servers.Settings($"test-watch-start-{Guid.NewGuid():N}:");
        settings["Urls"] = "http://127.0.0.1:0";
        settings["Watch:BaseUrl"] = "http://127.0.0.1:9/v1";
        settings["Watch:Scenario"] = scenario;
        using var api = ServiceProcess.Start("Api", "api", settings.ToDictionary(s => s.Key, s => s.Value!));

        var exitCode = await api.WaitForExitAsync(TimeSpan.FromMinutes(1));

        var output = api.Output();
        Assert.True(exitCode == 1, $"exit code {exitCode?.ToString() ?? "none (still running)"}, expected 1\n{output}");
        Assert.Single(output.Split('\n'), line => line.Contains(expected, StringComparison.Ordinal));
        Assert.Contains("The API did not start", output);
        Assert.DoesNotMatch(@"\n\s+at \S+\(", output);
    }
}
