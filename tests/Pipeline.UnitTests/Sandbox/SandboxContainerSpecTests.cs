using System.Text.Json;
using Docker.DotNet.Models;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Sandbox.Docker;

namespace Pipeline.UnitTests.Sandbox;

public sealed class SandboxContainerSpecTests
{
    private static readonly SandboxOptions Options = new() { FirstUid = 62000, MemoryBytes = 1L << 30, MaxProcesses = 100, ScratchBytes = 1 << 20 };

    [Fact]
    public void The_container_is_hardened()
    {
        var host = SandboxContainerSpec.For(Options, HarnessMount.For("/h", []), 2).HostConfig;

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
        var spec = SandboxContainerSpec.For(Options, HarnessMount.For("/h", []), 2);

        Assert.Equal("62002:62002", spec.User);
        Assert.Equal(Options.WorkerMemoryBytes, spec.HostConfig.Memory);
        Assert.Equal(spec.HostConfig.Memory, spec.HostConfig.MemorySwap);
        Assert.Equal(Options.WorkerProcesses, spec.HostConfig.PidsLimit);
        Assert.True(spec.HostConfig.Tmpfs is null or { Count: 0 }, "each sample mounts its own tmpfs: the worker keeps no scratch");
        Assert.Empty(spec.HostConfig.MaskedPaths);
        Assert.Empty(spec.HostConfig.ReadonlyPaths);
        var harness = Assert.Single(spec.HostConfig.Mounts);
        Assert.Equal(("bind", "/h", "/harness", true), (harness.Type, harness.Source, harness.Target, harness.ReadOnly));
        Assert.True(spec.HostConfig.Binds is null or { Count: 0 });
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

    [Fact]
    public void An_executor_in_a_container_gives_its_sandboxes_the_harness_from_its_own_volume_or_bind_source()
    {
        MountPoint[] volume = [new() { Type = "bind", Source = "/var/run/docker.sock", Destination = "/var/run/docker.sock" },
            new() { Type = "volume", Name = "proj_harness", Source = "/var/lib/docker/volumes/proj_harness/_data", Destination = "/tmp/pipeline-executor" }];
        MountPoint[] bind = [new() { Type = "bind", Source = "/srv/share", Destination = "/tmp/pipeline-executor/" }];

        var fromVolume = HarnessMount.For("/tmp/pipeline-executor/pipeline-harness-x1", volume);
        var fromBind = HarnessMount.For("/tmp/pipeline-executor/pipeline-harness-x1", bind);
        var outside = HarnessMount.For("/tmp/pipeline-executorx/pipeline-harness-x1", volume);

        Assert.Equal(("volume", "proj_harness", true), (fromVolume.Mount.Type, fromVolume.Mount.Source, fromVolume.Mount.ReadOnly));
        Assert.Equal(fromVolume.Mount.Target + "/pipeline-harness-x1", fromVolume.Directory);
        Assert.Equal(("bind", "/srv/share/pipeline-harness-x1", "/harness"), (fromBind.Mount.Type, fromBind.Mount.Source, fromBind.Directory));
        Assert.Equal(("bind", "/tmp/pipeline-executorx/pipeline-harness-x1"), (outside.Mount.Type, outside.Mount.Source));
    }
}
