namespace Pipeline.Runs.Comparison;

/// <summary>
/// Percentile bootstrap of a mean of paired differences: problems are resampled with replacement, keeping
/// each problem's two scores together. A fixed seed makes the interval reproducible.
/// </summary>
public static class PairedBootstrap
{
    public static (double Low, double High) Interval(
        IReadOnlyList<double> differences, int resamples, int seed, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (differences.Count == 0)
        {
            return (double.NaN, double.NaN);
        }
        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < differences.Count; i++)
            {
                sum += differences[random.Next(differences.Count)];
            }
            means[r] = sum / differences.Count;
        }
        Array.Sort(means);
        var tail = (1 - confidence) / 2;
        return (Quantile(means, tail), Quantile(means, 1 - tail));
    }

    /// <summary>Linear interpolation between order statistics (numpy's default).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
