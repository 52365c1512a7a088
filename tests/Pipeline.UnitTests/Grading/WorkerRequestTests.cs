using Pipeline.Core.Problems;
using Pipeline.Grading;
using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Sandbox.Process;

namespace Pipeline.UnitTests.Grading;

public sealed class WorkerRequestTests
{
    private static readonly TestSuite ThreeTests = new()
    {
        FuncName = "f",
        Tests = [new TestCase("1", "1", "functional"), new TestCase("2", "2", "functional"), new TestCase("3", "3", "functional")],
    };

    [Theory]
    [InlineData(6.0, 6, 26)]
    [InlineData(2.4, 2, 14)]
    [InlineData(0.2, 1, 11)]
    public void Timeout_becomes_whole_alarm_seconds_and_the_official_backstop(double seconds, int alarm, int backstop)
    {
        var request = WorkerRequest.From(new SandboxRequest("code", ThreeTests, seconds));
        Assert.Equal(alarm, request.TimeoutSeconds);
        Assert.Equal(TimeSpan.FromSeconds(backstop), request.Backstop);
        Assert.Equal("f", request.FnName);
    }

    [Fact]
    public void Bubblewrap_command_unshares_everything_and_clears_the_environment()
    {
        var argv = BubblewrapCommand.Build(new SandboxOptions(), "/opt/harness", workerSlot: 0, runningAsRoot: false);
        Assert.Equal("/usr/bin/bwrap", argv[0]);
        Assert.Contains("--unshare-all", argv);
        Assert.Contains("--clearenv", argv);
        Assert.Contains("--die-with-parent", argv);
        Assert.DoesNotContain("--share-net", argv);
        var harness = argv.ToList().IndexOf("/opt/harness");
        Assert.Equal(["--ro-bind", "/opt/harness", "/harness"], argv.Skip(harness - 1).Take(3));
    }
}
