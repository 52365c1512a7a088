using System.Security.Cryptography;

namespace Pipeline.Grading.Sandbox;

/// <summary>
/// The Python harness ships inside the Executor assembly; a sandbox needs it as files it can bind or
/// copy. Extracted once per process into a new folder with an unpredictable name, which only this
/// process writes (a fixed name could be made ahead by another local user, with other contents).
/// </summary>
public static class HarnessFiles
{
    public static readonly IReadOnlyList<string> Names = ["worker.py", "lcb_grader.py", "isolation.py", "sandboxed_worker.py",
        "sample_runner.py", "verdicts.py", "fork_server.py", "syscall_filter.py", "value_codec.py", "prediction_checks.py",
        "prediction_child.py", "prediction_official.py", "suites.py", "prepared.py", "stdin_mocks.py", "data_modules.py"];

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static readonly Lazy<string> Extracted = new(Extract);
    private static readonly Lazy<string> Hash = new(() => HashContents(Names.Select(name => (name, Read(name)))));

    /// <summary>SHA-256 of every harness file, name and content: it changes whenever the grading code does.</summary>
    public static string ContentHash => Hash.Value;

    /// <summary>The folder holding worker.py and lcb_grader.py.</summary>
    public static string Directory => Extracted.Value;

    public static byte[] Read(string name)
    {
        using var stream = typeof(HarnessFiles).Assembly.GetManifestResourceStream($"harness/{name}")
            ?? throw new InvalidOperationException($"harness/{name} is not embedded in the Executor assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Each file's name and length go in before its bytes, so no two different file sets hash alike.</summary>
    public static string HashContents(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{name}\n{content.Length}\n"));
            sha.AppendData(content);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Readable by the sandbox's unprivileged uids, writable by no one else; removed when the process exits.</summary>
    private static string Extract()
    {
        var target = System.IO.Directory.CreateTempSubdirectory("pipeline-harness-").FullName;
        foreach (var name in Names)
        {
            File.WriteAllBytes(Path.Combine(target, name), Read(name));
        }
        if (OperatingSystem.IsLinux()) // CreateTempSubdirectory makes it 0700; a sandbox user must read it
        {
            File.SetUnixFileMode(target, Readable);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveQuietly(target);
        return target;
    }

    private static void RemoveQuietly(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a temp folder of a few kilobytes; the system's temp cleaning takes it
        }
    }
}
