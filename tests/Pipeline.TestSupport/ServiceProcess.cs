using System.Diagnostics;
using System.Text;

namespace Pipeline.TestSupport;

/// <summary>
/// One Pipeline service as its own OS process (<c>dotnet services/Name/bin/…/Pipeline.Name.dll</c>), configured by
/// PIPELINE_ environment variables, its output kept for failure messages. Disposing kills it and its children.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <param name="service">the folder under services/ (Ingest, Generator, Executor, Scorer)</param>
    /// <param name="name">how the output names this process, e.g. executor-2</param>
    public static ServiceProcess Start(string service, string name, IReadOnlyDictionary<string, string> settings) =>
        StartDll(HostDll(Path.Combine("services", service), $"Pipeline.{service}"), [], name, settings);

    /// <summary>The lcb command line tool (tools/Lcb) with these arguments.</summary>
    public static ServiceProcess StartLcb(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> settings) =>
        StartDll(LcbDll, arguments, "lcb", settings);

    /// <summary>The lcb tool as the test projects built it (the configuration the tests run in).</summary>
    public static string LcbDll => HostDll(Path.Combine("tools", "Lcb"), "lcb");

    private static ServiceProcess StartDll(string dll, IReadOnlyList<string> arguments, string name, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment["PIPELINE_" + key.Replace(":", "__")] = value;
        }
        var process = new Process { StartInfo = start };
        var service_ = new ServiceProcess(name, process);
        process.OutputDataReceived += (_, line) => service_.Append(line.Data);
        process.ErrorDataReceived += (_, line) => service_.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service_;
    }

    /// <summary>SIGKILL of this process alone, as a crash: its sandbox workers die with it (bwrap --die-with-parent).</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as an orchestrator stops a container or a person presses Ctrl-C: the service shuts down gracefully.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, Sigterm) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed");
        }
    }

    /// <summary>The exit code once the process ends by itself; null if it still runs after <paramref name="within"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan within)
    {
        using var limit = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public string Output()
    {
        lock (_output)
        {
            return $"----- {Name} (pid {SafeId()}{(_process.HasExited ? $", exited {_process.ExitCode}" : "")}) -----\n{_output}";
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // never started or already gone
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string SafeId()
    {
        try
        {
            return _process.Id.ToString();
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    /// <summary>
    /// folder/bin/Configuration/net10.0/assembly.dll: the hosts are built with the tests (target BuildHosts in
    /// Pipeline.IntegrationTests.csproj, not project references) in the tests' own configuration.
    /// </summary>
    private static string HostDll(string folder, string assembly)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(Repository.Root, folder, "bin", testOutput.Parent!.Name, testOutput.Name, $"{assembly}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built", dll);
    }

    private const int Sigterm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
