using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Verdicts;

namespace Pipeline.UnitTests.Verdicts;

public sealed class GraderVersionTests
{
    private static readonly (string, byte[])[] Harness = [("worker.py", "import sys\n"u8.ToArray()), ("lcb_grader.py", "def grade(): pass\n"u8.ToArray())];

    [Fact]
    public void Changing_any_harness_file_changes_its_hash()
    {
        var original = HarnessFiles.HashContents(Harness);
        Assert.Equal(original, HarnessFiles.HashContents(Harness.Select(f => (f.Item1, f.Item2.ToArray()))));
        Assert.NotEqual(original, HarnessFiles.HashContents([Harness[0], ("lcb_grader.py", "def grade(): return\n"u8.ToArray())]));
        Assert.NotEqual(original, HarnessFiles.HashContents([Harness[0], ("other.py", Harness[1].Item2)]));
        Assert.NotEqual(original, HarnessFiles.HashContents([Harness[0]]));
    }

    [Fact]
    public void Bytes_moved_from_one_file_to_the_next_change_the_hash()
    {
        var a = HarnessFiles.HashContents([("a.py", "xy"u8.ToArray()), ("b.py", "z"u8.ToArray())]);
        var b = HarnessFiles.HashContents([("a.py", "x"u8.ToArray()), ("b.py", "yz"u8.ToArray())]);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void The_embedded_harness_hash_covers_every_file_the_sandbox_runs()
    {
        var expected = HarnessFiles.HashContents(HarnessFiles.Names.Select(name => (name, HarnessFiles.Read(name))));
        Assert.Equal(expected, HarnessFiles.ContentHash);
        Assert.Equal(GraderVersion.Compute(expected, new SandboxOptions()), GraderVersion.Of(new SandboxOptions()));
    }

    [Fact]
    public void Every_python_file_of_the_harness_folder_is_embedded_and_hashed()
    {
        var folder = Repository.File("src", "Pipeline.Grading", "harness");

        Assert.Equal(Directory.GetFiles(folder, "*.py").Select(Path.GetFileName).Order(), HarnessFiles.Names.Order());
        Assert.All(HarnessFiles.Names, name => Assert.Equal(File.ReadAllBytes(Path.Combine(folder, name)), HarnessFiles.Read(name)));
    }

    public static TheoryData<string, SandboxOptions> OneChangedLimit => new()
    {
        { "memory", new SandboxOptions { MemoryBytes = 4L << 30 } },
        { "processes", new SandboxOptions { MaxProcesses = 64 } },
        { "cpu", new SandboxOptions { CpuSeconds = 30 } },
        { "file size", new SandboxOptions { FileSizeBytes = 1 << 20 } },
        { "open files", new SandboxOptions { OpenFiles = 64 } },
        { "scratch", new SandboxOptions { ScratchBytes = 1 << 20 } },
    };

    [Theory]
    [MemberData(nameof(OneChangedLimit))]
    public void A_limit_that_can_turn_a_verdict_changes_the_version(string limit, SandboxOptions changed)
    {
        Assert.True(GraderVersion.Compute("h", new SandboxOptions()) != GraderVersion.Compute("h", changed), $"a different {limit} limit left the version unchanged");
    }

    [Fact]
    public void Settings_that_cannot_turn_a_verdict_leave_the_version_alone()
    {
        var version = GraderVersion.Compute("h", new SandboxOptions());
        Assert.Equal(version, GraderVersion.Compute("h", new SandboxOptions { Backend = "docker", Workers = 7 }));
        Assert.NotEqual(version, GraderVersion.Compute("h2", new SandboxOptions()));
    }
}
