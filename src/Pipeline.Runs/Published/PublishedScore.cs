namespace Pipeline.Runs.Published;

/// <summary>
/// A model's pass@1 as its authors published it for one scenario (percent), with an optional reference score (a
/// baseline run of one's own) and how far a measurement may be from the published score and still agree.
/// </summary>
public sealed record PublishedScore
{
    public const double DefaultTolerance = 2.0;

    public required string Model { get; init; }
    public required string Scenario { get; init; }
    public required double Score { get; init; }
    public double? Reference { get; init; }
    /// <summary>Percentage points either side of <see cref="Score"/>.</summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <exception cref="ArgumentException">a score outside [0, 100] or a negative tolerance</exception>
    public PublishedScore Validated()
    {
        if (string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(Scenario))
        {
            throw new ArgumentException("a published score needs a model and a scenario");
        }
        if (Score is < 0 or > 100 || Reference is < 0 or > 100)
        {
            throw new ArgumentException("scores are percentages, from 0 to 100");
        }
        return Tolerance >= 0 ? this : throw new ArgumentException("the tolerance must not be negative");
    }
}
