using System.Text.Json;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Sandbox.Docker;

namespace Pipeline.UnitTests.Sandbox;

public sealed class SandboxContainerSpecTests
{
    private static readonly SandboxOptions Options = new() { FirstUid = 62000, MemoryBytes = 1L << 30, MaxProcesses = 100, ScratchBytes = 1 << 20 };

    [Fact]
    public void The_container_is_hardened()
    {
        var host = SandboxContainerSpec.For(Options, "/h", 2).HostConfig;

        Assert.Equal("none", host.NetworkMode);
        Assert.True(host.ReadonlyRootfs);
        Assert.Equal(["ALL"], host.CapDrop);
        Assert.Contains("no-new-privileges", host.SecurityOpt);
        Assert.Contains(host.SecurityOpt, opt => opt.StartsWith("seccomp=", StringComparison.Ordinal));
        Assert.False(host.Privileged);
    }

    [Fact]
    public void It_runs_as_the_slot_uid_with_limits_no_scratch_and_an_unmasked_proc_for_the_samples()
    {
        var spec = SandboxContainerSpec.For(Options, "/h", 2);

        Assert.Equal("62002:62002", spec.User);
        Assert.Equal(Options.WorkerMemoryBytes, spec.HostConfig.Memory);
        Assert.Equal(spec.HostConfig.Memory, spec.HostConfig.MemorySwap);
        Assert.Equal(Options.WorkerProcesses, spec.HostConfig.PidsLimit);
        Assert.True(spec.HostConfig.Tmpfs is null or { Count: 0 }, "each sample mounts its own tmpfs: the worker keeps no scratch");
        Assert.Empty(spec.HostConfig.MaskedPaths);
        Assert.Empty(spec.HostConfig.ReadonlyPaths);
        Assert.Equal(["/h:/harness:ro"], spec.HostConfig.Binds);
        Assert.Empty(spec.Env);
    }

    [Fact]
    public void The_seccomp_profile_refuses_ptrace_but_lets_samples_unshare()
    {
        using var profile = JsonDocument.Parse(SeccompProfile.Json);
        var refused = profile.RootElement.GetProperty("syscalls")[0].GetProperty("names").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal("SCMP_ACT_ALLOW", profile.RootElement.GetProperty("defaultAction").GetString());
        Assert.Contains("ptrace", refused);
        Assert.Contains("bpf", refused);
        Assert.DoesNotContain("unshare", refused);
    }
}
