using System.Globalization;

namespace Pipeline.Runs.Published;

/// <summary>A run's measured pass@1 beside its model's published and reference scores (percent), and whether it agrees.</summary>
public sealed record PublishedScoreCheck
{
    public required double Measured { get; init; }
    public required double Published { get; init; }
    public double? Reference { get; init; }
    public required double Tolerance { get; init; }
    /// <summary>Measured minus published, in percentage points.</summary>
    public required double Difference { get; init; }
    public required bool WithinTolerance { get; init; }

    /// <param name="measuredPassAt1">pass@1 as a fraction, as the scores hold it</param>
    public static PublishedScoreCheck Of(PublishedScore published, double measuredPassAt1)
    {
        var measured = 100 * measuredPassAt1;
        var difference = measured - published.Score;
        return new PublishedScoreCheck
        {
            Measured = measured,
            Published = published.Score,
            Reference = published.Reference,
            Tolerance = published.Tolerance,
            Difference = difference,
            // A hair of slack so a difference of exactly the tolerance, in decimal, is not lost to binary rounding.
            WithinTolerance = Math.Abs(difference) <= published.Tolerance + 1e-9,
        };
    }

    /// <summary>One line for a terminal: measured 33.5% vs published 34.2% (reference 30.0%): within ±2.0.</summary>
    public string Line()
    {
        var reference = Reference is { } value ? string.Create(CultureInfo.InvariantCulture, $" (reference {value:F1}%)") : "";
        var verdict = WithinTolerance ? "within" : "outside";
        return string.Create(CultureInfo.InvariantCulture,
            $"measured {Measured:F1}% vs published {Published:F1}%{reference}: {Difference:+0.0;-0.0;0.0} points, {verdict} ±{Tolerance:F1}");
    }
}
