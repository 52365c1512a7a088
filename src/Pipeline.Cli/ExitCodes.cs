namespace Pipeline.Cli;

/// <summary>The exit codes of every lcb command (README, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Something outside the command failed: a server unreachable, a file unreadable, a run not found.</summary>
    public const int Failed = 1;
    /// <summary>The command line or an input file is wrong (the message names the option, file and line).</summary>
    public const int BadInput = 2;
    /// <summary>`--wait`: nothing left in flight and the rest parked; the message says why and what to do.</summary>
    public const int RunStalled = 3;
    /// <summary>`--wait`: Ingest refused to start the run; the message says why.</summary>
    public const int RunFailed = 4;
    /// <summary>Ctrl-C (128 + SIGINT); whatever was written so far is kept.</summary>
    public const int Interrupted = 130;
}
