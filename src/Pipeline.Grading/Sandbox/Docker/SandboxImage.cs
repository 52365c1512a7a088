using Docker.DotNet;

namespace Pipeline.Grading.Sandbox.Docker;

/// <summary>
/// Makes sure the sandbox image exists: no registry is reachable, so it is built locally from this
/// machine's python by docker/sandbox-image/build.sh (also run by scripts/build-sandbox-image.sh in CI).
/// </summary>
public static class SandboxImage
{
    private static readonly SemaphoreSlim Building = new(1, 1);

    public static async Task EnsureAsync(IDockerClient docker, DockerBackendOptions options, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(docker, options.Image, cancellationToken))
        {
            return;
        }
        await Building.WaitAsync(cancellationToken);
        try
        {
            if (await ExistsAsync(docker, options.Image, cancellationToken))
            {
                return;
            }
            var script = FindScript(options.BuildScript);
            using var build = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(script, [options.Image])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"cannot run {script}");
            var errors = build.StandardError.ReadToEndAsync(cancellationToken);
            await build.StandardOutput.ReadToEndAsync(cancellationToken);
            await build.WaitForExitAsync(cancellationToken);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"building {options.Image} with {script} failed: {await errors}");
            }
        }
        finally
        {
            Building.Release();
        }
    }

    private static async Task<bool> ExistsAsync(IDockerClient docker, string image, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Images.InspectImageAsync(image, cancellationToken);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    /// <summary>A relative script path is looked up from the working directory and from the app folder upwards.</summary>
    private static string FindScript(string script)
    {
        if (Path.IsPathRooted(script))
        {
            return script;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, script);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new FileNotFoundException($"sandbox image build script {script} not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}");
    }
}
