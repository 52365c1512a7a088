namespace Pipeline.Replay.Faults;

public enum Fault
{
    None,
    TooManyRequests,
    ServerError,
    DropConnection,
    MalformedJson,
}
