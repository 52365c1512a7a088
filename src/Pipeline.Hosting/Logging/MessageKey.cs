using System.Reflection;

namespace Pipeline.Hosting.Logging;

/// <summary>
/// The business key a Pipeline message carries (RunId, ProblemId, SampleIndex: whichever it has), read once per
/// message type by name so a new contract gets its logs keyed without a change here.
/// </summary>
public sealed record MessageKey(Guid? RunId, string? ProblemId, int? SampleIndex)
{
    public bool IsEmpty => RunId is null && ProblemId is null && SampleIndex is null;

    /// <summary>The key as one short text for console lines, e.g. " [run 3f2a9c1e abc301_a #3]"; empty when there is none.</summary>
    public string Describe()
    {
        if (IsEmpty)
        {
            return "";
        }
        var parts = new List<string>(3);
        if (RunId is { } run)
        {
            parts.Add($"run {run.ToString("N")[..8]}");
        }
        if (ProblemId is { } problem)
        {
            parts.Add(problem);
        }
        if (SampleIndex is { } sample)
        {
            parts.Add($"#{sample}");
        }
        return $" [{string.Join(' ', parts)}]";
    }

    public static MessageKey Of<T>(T message) where T : class => Reader<T>.Read(message);

    private static class Reader<T>
    {
        private static readonly PropertyInfo? Run = Find(nameof(RunId), typeof(Guid));
        private static readonly PropertyInfo? Problem = Find(nameof(ProblemId), typeof(string));
        private static readonly PropertyInfo? Sample = Find(nameof(SampleIndex), typeof(int));

        public static MessageKey Read(T message) => new(
            (Guid?)Run?.GetValue(message),
            (string?)Problem?.GetValue(message),
            (int?)Sample?.GetValue(message));

        private static PropertyInfo? Find(string name, Type type) =>
            typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is { } property && property.PropertyType == type
                ? property
                : null;
    }
}
