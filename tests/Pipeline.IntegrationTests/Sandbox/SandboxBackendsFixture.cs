using Pipeline.Core.Problems;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;

namespace Pipeline.IntegrationTests.Sandbox;

/// <summary>
/// One single-worker sandbox per backend, started up front and shared by the attack tests, so that
/// "the worker survived" is checked on the very worker that was attacked. Plants a secret in this process's environment (which
/// a careless backend would pass on) and in a world-readable host file, before any worker starts.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SandboxBackendsFixture : IAsyncLifetime
{
    public const string SecretVariable = "PIPELINE_TEST_PLANTED_SECRET";
    private readonly Dictionary<string, ISandbox> _sandboxes = [];

    public string Secret { get; } = "planted-" + Guid.NewGuid().ToString("N");

    public string HostDirectory { get; } = Directory.CreateTempSubdirectory("pipeline-attack-").FullName;

    public string SecretFile => Path.Combine(HostDirectory, "secret.txt");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(SecretVariable, Secret);
        File.WriteAllText(SecretFile, Secret);
        // world-writable and -readable: only the sandbox, not file permissions, may keep samples out
        const UnixFileMode open = (UnixFileMode)0b111_111_111;
        File.SetUnixFileMode(HostDirectory, open);
        File.SetUnixFileMode(SecretFile, open);
        foreach (var backend in SandboxFactory.Kinds)
        {
            // a 1 GiB sample limit makes the memory bomb end quickly on a machine shared with others
            var sandbox = SandboxFactory.Create(new SandboxOptions { Backend = backend, Workers = 1, MemoryBytes = 1L << 30 });
            _sandboxes[backend] = sandbox;
            // start the worker the way the service does (a start-up fault is retried), so that every
            // fault an attack test then sees comes from the attack
            await new SampleGrader(sandbox).GradeAsync(Attacks.Correct, Attacks.APlusB, 6);
        }
    }

    /// <summary>Far above any attack's backstop: only a hang reaches it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    public ISandbox Sandbox(string backend) => _sandboxes[backend];

    /// <summary>Grades code with its placeholders ({SECRET}, {SECRET_FILE}, {HOST_DIR}, {MARK}) filled in; the suite defaults to a + b.</summary>
    public async Task<SandboxOutcome> GradeAsync(ISandbox sandbox, string code, int timeoutSeconds, TestSuite? suite, string mark)
    {
        var filled = code.Replace("{SECRET_FILE}", SecretFile).Replace("{SECRET}", Secret)
            .Replace("{HOST_DIR}", HostDirectory).Replace("{MARK}", mark);
        using var guard = new CancellationTokenSource(HangGuard);
        return await sandbox.GradeAsync(new SandboxRequest(filled, suite ?? Attacks.APlusB, timeoutSeconds), guard.Token);
    }

    public async Task DisposeAsync()
    {
        foreach (var sandbox in _sandboxes.Values)
        {
            await sandbox.DisposeAsync();
        }
        Directory.Delete(HostDirectory, recursive: true);
    }
}
