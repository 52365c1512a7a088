namespace Pipeline.Replay.Recordings;

/// <summary>How synthetic answers are mixed: shares of wrong and malformed answers, drawn per (problem, answer) from the seed.</summary>
public sealed record SyntheticMix
{
    public double WrongShare { get; init; } = 0.2;
    public double MalformedShare { get; init; } = 0.1;
    public int Seed { get; init; } = 1;
    /// <summary>Answers recorded per problem; samples cycle through them.</summary>
    public int Answers { get; init; } = 10;

    public override string ToString() => $"synthetic answers: {WrongShare:P0} wrong, {MalformedShare:P0} malformed, seed {Seed}";
}

/// <summary>One problem to answer synthetically: the text that identifies it in a prompt, and a right and a wrong answer.</summary>
public sealed record SyntheticItem(string Key, string Recognition, string Correct, string Wrong);

/// <summary>
/// Recordings made up from a dataset's own expected outputs, for scenarios no public recording exists for
/// (test output prediction, code execution): not a model's answers, so every result shown from them is labelled synthetic.
/// </summary>
public static class SyntheticRecording
{
    public const string Malformed = "I could not work this one out.";

    /// <exception cref="ArgumentException">the shares are not in [0, 1] or add up to more than 1</exception>
    public static IReadOnlyList<RecordedProblem> Build(IEnumerable<SyntheticItem> items, SyntheticMix mix)
    {
        if (mix.WrongShare is < 0 or > 1 || mix.MalformedShare is < 0 or > 1 || mix.WrongShare + mix.MalformedShare > 1 || mix.Answers < 1)
        {
            throw new ArgumentException("synthetic shares must lie in [0, 1], add up to at most 1, with at least one answer per problem");
        }
        return [.. items.Select(item => new RecordedProblem(item.Key, item.Key, item.Recognition,
            [.. Enumerable.Range(0, mix.Answers).Select(index => Draw(item, index, mix))]))];
    }

    private static string Draw(SyntheticItem item, int index, SyntheticMix mix)
    {
        var roll = new Random(HashCode.Combine(mix.Seed, StableHash(item.Key), index)).NextDouble();
        return roll < mix.WrongShare ? item.Wrong : roll < mix.WrongShare + mix.MalformedShare ? Malformed : item.Correct;
    }

    /// <summary>string.GetHashCode differs between processes; the draw must not.</summary>
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked(hash * 31 + c);
        }
        return hash;
    }
}
