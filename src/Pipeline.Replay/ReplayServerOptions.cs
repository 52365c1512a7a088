using Pipeline.Replay.Faults;

namespace Pipeline.Replay;

public sealed record ReplayServerOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one (tests).</summary>
    public int Port { get; init; }

    /// <summary>Where to listen; any interface lets containers reach it through the docker host's gateway.</summary>
    public System.Net.IPAddress Address { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>Model name to the _eval_all files it answers from.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Models { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Model name to problems already built in memory (synthetic answers, <see cref="Recordings.SyntheticRecording"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Recordings.RecordedProblem>> Recorded { get; init; } =
        new Dictionary<string, IReadOnlyList<Recordings.RecordedProblem>>();

    public FaultOptions Faults { get; init; } = new();
}
