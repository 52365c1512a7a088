namespace Pipeline.Runs.Scoring;

/// <summary>
/// The unbiased pass@k estimator, 1 - C(n-c, k)/C(n, k), computed as the official runner does
/// (a running product, so large n stays exact in doubles), averaged over problems.
/// </summary>
public static class PassAtK
{
    public static double Estimate(int samples, int correct, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correct, samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (samples - correct < k)
        {
            return 1.0;
        }
        var allWrong = 1.0;
        for (var i = samples - correct + 1; i <= samples; i++)
        {
            allWrong *= 1.0 - (double)k / i;
        }
        return 1.0 - allWrong;
    }

    /// <summary>
    /// Mean pass@k over problems for every k that every problem allows (n ≥ k), keyed "pass@k" as the
    /// official eval.json; an empty result set yields no keys.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Average(
        IReadOnlyCollection<(int Samples, int Correct)> problems, IEnumerable<int> ks)
    {
        var result = new Dictionary<string, double>();
        if (problems.Count == 0)
        {
            return result;
        }
        foreach (var k in ks.Distinct().Order())
        {
            if (problems.All(p => p.Samples >= k))
            {
                result[$"pass@{k}"] = problems.Average(p => Estimate(p.Samples, p.Correct, k));
            }
        }
        return result;
    }
}
