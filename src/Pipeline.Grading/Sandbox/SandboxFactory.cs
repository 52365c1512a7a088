using Pipeline.Grading.Sandbox.Docker;
using Pipeline.Grading.Sandbox.Process;

namespace Pipeline.Grading.Sandbox;

/// <summary>Picks the configured backend ("process" or "docker"), for the CLI and the service alike.</summary>
public static class SandboxFactory
{
    public static readonly IReadOnlyList<string> Kinds = ["process", "docker"];

    public static ISandbox Create(SandboxOptions options) => options.Backend.ToLowerInvariant() switch
    {
        "process" => new BubblewrapSandbox(options),
        "docker" => new DockerSandbox(options),
        _ => throw new ArgumentException($"unknown sandbox '{options.Backend}': use {string.Join(" or ", Kinds)}", nameof(options)),
    };
}
