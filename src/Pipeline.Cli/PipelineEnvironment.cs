using Microsoft.Extensions.Configuration;

namespace Pipeline.Cli;

/// <summary>
/// The PIPELINE_ environment variables, read as every service reads them (PIPELINE_Redis__Configuration is
/// Redis:Configuration), so the CLI and the services are configured the same way; command-line options win.
/// </summary>
public static class PipelineEnvironment
{
    private static readonly Lazy<IConfiguration> Variables = new(() => new ConfigurationBuilder().AddEnvironmentVariables(prefix: "PIPELINE_").Build());

    public static IConfiguration Configuration => Variables.Value;

    public static string Get(string key, string fallback) => Configuration[key] is { Length: > 0 } value ? value : fallback;
}
