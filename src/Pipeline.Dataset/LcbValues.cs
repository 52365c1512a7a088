namespace Pipeline.Dataset;

/// <summary>The values the official runner's enums accept (Platform, Difficulty); anything else is an error.</summary>
public static class LcbValues
{
    public static readonly IReadOnlySet<string> Platforms = new HashSet<string> { "leetcode", "codeforces", "atcoder" };
    public static readonly IReadOnlySet<string> Difficulties = new HashSet<string> { "easy", "medium", "hard" };
}
