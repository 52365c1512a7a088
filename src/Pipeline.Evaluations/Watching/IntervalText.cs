using System.Globalization;

namespace Pipeline.Evaluations.Watching;

/// <summary>Reads a polling interval as people write it: "500ms", "30s", "5m", "1h", or a TimeSpan such as "00:00:30".</summary>
public static class IntervalText
{
    /// <exception cref="ArgumentException">not a positive interval</exception>
    public static TimeSpan Parse(string text)
    {
        var value = text.Trim();
        var interval = Unit(value, "ms", TimeSpan.FromMilliseconds) ?? Unit(value, "s", TimeSpan.FromSeconds)
            ?? Unit(value, "m", TimeSpan.FromMinutes) ?? Unit(value, "h", TimeSpan.FromHours)
            ?? (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) ? span : (TimeSpan?)null);
        return interval is { } positive && positive > TimeSpan.Zero
            ? positive
            : throw new ArgumentException($"interval '{text}' is not a positive duration such as 30s, 5m or 00:00:30");
    }

    private static TimeSpan? Unit(string value, string suffix, Func<double, TimeSpan> make) =>
        value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
        && double.TryParse(value[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            ? make(amount)
            : null;
}
