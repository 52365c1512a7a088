using Pipeline.IntegrationTests.Infrastructure;

namespace Pipeline.IntegrationTests.Operations;

/// <summary>
/// This machine's Docker engine as a single-node swarm for one test, held under a machine-wide lock so two test
/// runs never share or tear down each other's swarm. A swarm made here is labelled, listens on loopback only,
/// takes overlay subnets from a narrow pool, and is left (<c>docker swarm leave --force</c>) on dispose, with the
/// gateway bridge it created; plain containers and compose projects of other tests are untouched by either.
/// A swarm someone else made is used as it is and never left.
/// </summary>
public sealed class SwarmNode : IAsyncDisposable
{
    private const string Label = "pipeline.test-swarm";
    private const string GatewayBridge = "docker_gwbridge";
    private static readonly string LockPath = Path.Combine(Path.GetTempPath(), "pipeline-swarm-test.lock");

    private readonly FileStream held;
    private bool created;
    private bool bridgeExisted;

    private SwarmNode(FileStream held) => this.held = held;

    public static async Task<SwarmNode> JoinAsync(CancellationToken cancellationToken)
    {
        var node = new SwarmNode(await LockAsync(cancellationToken));
        try
        {
            await node.InitAsync(cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        bridgeExisted = (await DockerAsync(cancellationToken, "network", "inspect", GatewayBridge)).ExitCode == 0;
        if (await StateAsync(cancellationToken) == "active")
        {
            var label = await DockerAsync(cancellationToken, "node", "inspect", "self", "--format", $"{{{{index .Spec.Labels \"{Label}\"}}}}");
            if (label.Output.Trim() != "1")
            {
                return; // someone's own swarm: deploy into it, leave it as it was
            }
            await CheckedAsync(cancellationToken, "swarm", "leave", "--force"); // a killed test run's leftover
        }
        created = true;
        await CheckedAsync(cancellationToken, "swarm", "init", "--advertise-addr", "127.0.0.1", "--listen-addr", "127.0.0.1:2377",
            "--default-addr-pool", "10.213.0.0/16");
        var nodeId = (await CheckedAsync(cancellationToken, "info", "--format", "{{.Swarm.NodeID}}")).Trim(); // `node update` takes no "self"
        await CheckedAsync(cancellationToken, "node", "update", "--label-add", $"{Label}=1", nodeId);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (created)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                await DockerAsync(timeout.Token, "swarm", "leave", "--force");
                if (!bridgeExisted)
                {
                    await DockerAsync(timeout.Token, "network", "rm", GatewayBridge);
                }
            }
        }
        finally
        {
            await held.DisposeAsync();
        }
    }

    private static async Task<string> StateAsync(CancellationToken cancellationToken) =>
        (await CheckedAsync(cancellationToken, "info", "--format", "{{.Swarm.LocalNodeState}}")).Trim();

    /// <summary>An exclusive open of the lock file: .NET takes an advisory lock the OS drops when the process dies.</summary>
    private static async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // another test run holds the swarm
            }
        }
    }

    internal static Task<Shell.Result> DockerAsync(CancellationToken cancellationToken, params string[] arguments) =>
        Shell.RunAsync("docker", arguments, cancellationToken: cancellationToken);

    internal static async Task<string> CheckedAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await DockerAsync(cancellationToken, arguments);
        return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"docker {string.Join(' ', arguments)}: {result}");
    }
}
