namespace Pipeline.Hosting.Retries;

/// <summary>
/// One in-memory retry schedule: some immediate retries (a dropped connection is often back at once), then
/// retries whose pause doubles from <see cref="MinInterval"/> up to <see cref="MaxInterval"/>.
/// </summary>
public sealed class RetryProfile
{
    public int Immediate { get; set; }
    public int Exponential { get; set; }
    public TimeSpan MinInterval { get; set; }
    public TimeSpan MaxInterval { get; set; }

    /// <summary>The pause before each retry, in order; its length is the number of retries.</summary>
    public IReadOnlyList<TimeSpan> Intervals()
    {
        if (Immediate < 0 || Exponential < 0 || MinInterval < TimeSpan.Zero || MaxInterval < MinInterval)
        {
            throw new ArgumentException(
                $"retry profile is inconsistent: Immediate={Immediate}, Exponential={Exponential}, MinInterval={MinInterval}, MaxInterval={MaxInterval}");
        }
        var pauses = Enumerable.Repeat(TimeSpan.Zero, Immediate).ToList();
        var pause = MinInterval;
        for (var retry = 0; retry < Exponential; retry++)
        {
            pauses.Add(pause);
            pause = pause * 2 > MaxInterval ? MaxInterval : pause * 2;
        }
        return pauses;
    }

    /// <summary>How long a message can be retried before it is parked.</summary>
    public TimeSpan Budget() => Intervals().Aggregate(TimeSpan.Zero, (total, pause) => total + pause);
}
