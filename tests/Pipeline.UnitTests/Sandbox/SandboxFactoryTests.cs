using Pipeline.Grading.Sandbox;

namespace Pipeline.UnitTests.Sandbox;

public sealed class SandboxFactoryTests
{
    [Fact]
    public void An_unknown_backend_is_refused_with_the_known_names()
    {
        var error = Assert.Throws<ArgumentException>(() => SandboxFactory.Create(new SandboxOptions { Backend = "chroot" }));

        Assert.Contains("chroot", error.Message);
        Assert.Contains("process or docker", error.Message);
    }

    [Fact]
    public void Worker_limits_leave_room_for_the_warm_interpreter_and_no_sample_limit_still_caps_the_worker_below_the_host()
    {
        Assert.Equal((1L << 30) + (512L << 20), new SandboxOptions { MemoryBytes = 1L << 30 }.WorkerMemoryBytes);
        Assert.InRange(new SandboxOptions { MemoryBytes = 0 }.WorkerMemoryBytes, 1L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        Assert.Equal(0, new SandboxOptions { MaxProcesses = 0 }.WorkerProcesses);
        Assert.Equal(0, new SandboxOptions().MemoryBytes);
    }
}
