using System.Diagnostics;

namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A redis-server owned by one test, on its own port and directory, with the append-only file on and fsynced
/// before every reply (appendfsync always): a SIGKILL then loses no write a client saw acknowledged, so a crash
/// and a start on the same directory and port is a restart the data survives (docs/decisions/013).
/// </summary>
public sealed class DedicatedRedis : IDisposable
{
    private readonly string _directory;
    private Process? _server;

    private DedicatedRedis(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>StackExchange.Redis configuration for clients of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<DedicatedRedis> StartAsync()
    {
        var redis = new DedicatedRedis(Directory.CreateTempSubdirectory("pipeline-redis-").FullName, FreePort.Next());
        await redis.StartServerAsync();
        return redis;
    }

    public async Task StartServerAsync()
    {
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory, "--save", "",
            "--appendonly", "yes", "--appendfsync", "always", "--logfile", Path.Combine(_directory, "redis.log"),
        })
        {
            start.ArgumentList.Add(argument);
        }
        _server = Process.Start(start)!;
        if (!await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"redis-server did not listen on {Port}; see {_directory}/redis.log");
        }
    }

    /// <summary>SIGKILL: no shutdown, no last save; what survives is what the append-only file already holds.</summary>
    public void Crash()
    {
        _server?.Kill();
        _server?.WaitForExit(10_000);
        _server?.Dispose();
        _server = null;
    }

    public void Dispose()
    {
        Crash();
        Directory.Delete(_directory, recursive: true);
    }
}
