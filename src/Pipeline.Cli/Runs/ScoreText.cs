using System.Globalization;

namespace Pipeline.Cli.Runs;

/// <summary>How scores read in tables: percentages with one decimal, signed differences, "–" for nothing yet.</summary>
internal static class ScoreText
{
    public static string Percent(double? score) =>
        score is { } value && !double.IsNaN(value) ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) : "–";

    public static string SignedPercent(double value) =>
        double.IsNaN(value) ? "–" : (value * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    public static string Interval(double low, double high) => $"[{SignedPercent(low)}, {SignedPercent(high)}]";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
