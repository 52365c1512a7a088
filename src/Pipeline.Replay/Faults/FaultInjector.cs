using System.Collections.Concurrent;

namespace Pipeline.Replay.Faults;

/// <summary>
/// Draws the fault for each completion request from the current options (changeable while serving) and counts
/// what it served. With a seed the sequence of draws is reproducible, so tests know faults really happened.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<Fault, int> _drawn = new();
    private FaultOptions _current;
    private Random _random;

    public FaultInjector(FaultOptions options)
    {
        _current = options.Validated();
        _random = RandomFor(_current);
    }

    public FaultOptions Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>How many requests got each outcome (Fault.None: answered normally).</summary>
    public int Count(Fault fault) => _drawn.GetValueOrDefault(fault);

    public void Set(FaultOptions options)
    {
        var validated = options.Validated();
        lock (_gate)
        {
            _current = validated;
            _random = RandomFor(validated);
        }
    }

    public Fault Draw()
    {
        Fault fault;
        lock (_gate)
        {
            var roll = _random.NextDouble();
            fault = Pick(roll, _current);
        }
        _drawn.AddOrUpdate(fault, 1, (_, count) => count + 1);
        return fault;
    }

    private static Fault Pick(double roll, FaultOptions options)
    {
        (double Rate, Fault Fault)[] bands =
        [
            (options.TooManyRequestsRate, Fault.TooManyRequests),
            (options.ServerErrorRate, Fault.ServerError),
            (options.DropConnectionRate, Fault.DropConnection),
            (options.MalformedJsonRate, Fault.MalformedJson),
        ];
        foreach (var (rate, fault) in bands)
        {
            if ((roll -= rate) < 0)
            {
                return fault;
            }
        }
        return Fault.None;
    }

    private static Random RandomFor(FaultOptions options) => options.Seed is { } seed ? new Random(seed) : new Random();
}
