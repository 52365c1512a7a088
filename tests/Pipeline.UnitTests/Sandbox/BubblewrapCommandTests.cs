using Pipeline.Grading.Sandbox;
using Pipeline.Grading.Sandbox.Process;

namespace Pipeline.UnitTests.Sandbox;

public sealed class BubblewrapCommandTests
{
    private static readonly SandboxOptions Options = new() { FirstUid = 61000, MemoryBytes = 123, OpenFiles = 77 };

    [Fact]
    public void As_root_the_worker_first_drops_to_its_slot_uid()
    {
        var argv = BubblewrapCommand.Build(Options, "/h", workerSlot: 3, runningAsRoot: true);

        Assert.Equal(["/usr/bin/setpriv", "--reuid=61003", "--regid=61003", "--clear-groups", "/usr/bin/bwrap"], argv.Take(5));
        Assert.Equal("256", argv[argv.ToList().IndexOf("--max-processes") + 1]);
    }

    [Fact]
    public void Without_root_bubblewrap_starts_directly_and_no_per_uid_process_limit_is_set()
    {
        var argv = BubblewrapCommand.Build(Options, "/h", workerSlot: 0, runningAsRoot: false).ToList();

        Assert.Equal("/usr/bin/bwrap", argv[0]);
        Assert.DoesNotContain("/usr/bin/setpriv", argv);
        Assert.Equal("0", argv[argv.IndexOf("--max-processes") + 1]);
    }

    [Fact]
    public void Root_and_dev_are_remounted_read_only_after_every_mount()
    {
        var argv = BubblewrapCommand.Build(Options, "/h", 0, false).ToList();
        var remountRoot = argv.IndexOf("/") - 1;

        Assert.Equal("--remount-ro", argv[remountRoot]);
        Assert.Equal(["--remount-ro", "/dev"], argv.Skip(remountRoot + 2).Take(2));
        Assert.True(remountRoot > argv.LastIndexOf("--ro-bind"), "a remount before a later bind would not cover it");
    }

    [Fact]
    public void Only_numpy_and_pandas_are_visible_among_the_third_party_modules()
    {
        var argv = BubblewrapCommand.Build(Options, "/h", 0, false).ToList();
        var hidden = argv.IndexOf("/usr/lib/python3/dist-packages");

        Assert.Equal("--tmpfs", argv[hidden - 1]);
        var shown = argv.Skip(hidden + 1).Chunk(3).TakeWhile(bind => bind[0] == "--ro-bind-try").Select(bind => bind[1]).ToList();
        Assert.Equal(["numpy", "pandas", "dateutil", "pytz", "six.py"], shown.Select(path => path["/usr/lib/python3/dist-packages/".Length..]));
        Assert.Equal("--remount-ro", argv[argv.LastIndexOf("/usr/lib/python3/dist-packages") - 1]); // no module planted for the next sample
    }

    [Fact]
    public void The_worker_has_no_writable_scratch()
    {
        var argv = BubblewrapCommand.Build(Options, "/h", 0, false).ToList();

        Assert.Equal("--dir", argv[argv.IndexOf("/tmp") - 1]);
        Assert.DoesNotContain(argv.Select((arg, i) => (arg, i)), a => a.arg == "--tmpfs" && argv[a.i + 1] == "/tmp");
    }

    [Fact]
    public void The_sandboxed_worker_gets_the_configured_limits()
    {
        var argv = BubblewrapCommand.Build(Options, "/h", 0, false).ToList();
        var worker = argv.IndexOf("/harness/sandboxed_worker.py");

        Assert.Equal("/usr/bin/python3", argv[worker - 1]);
        Assert.Equal("123", argv[argv.IndexOf("--memory-bytes") + 1]);
        Assert.Equal("77", argv[argv.IndexOf("--open-files") + 1]);
        Assert.Equal(["--ro-bind", "/h", "/harness"], argv.Skip(argv.IndexOf("/h") - 1).Take(3));
    }
}
